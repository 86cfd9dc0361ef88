import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  OnInit,
  output,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  CLEARANCE_FORMULA_LABELS,
  CLEARANCE_FORMULAS,
  IMAGING_REQUEST_FIELDS,
  MOBILITY_AID_LABELS,
  MOBILITY_AIDS,
  MODALITIES,
  MODALITY_LABELS,
  REQUEST_CHANNEL_LABELS,
  REQUEST_CHANNELS,
  type ImagingRequestDraft,
  type ImagingRequestField,
  type RequestView,
  type SafetyCheckCode,
} from '@creneau/contracts';
import { assessRequest, localDateOf } from '@creneau/domain';
import { firstValueFrom, map } from 'rxjs';
import { apiErrorMessage, apiFieldErrors } from '../../api/api-error';
import { SessionStore } from '../../session/session-store';
import { TerritoryStore } from '../../territory/territory-store';
import { RequestsApi } from '../requests-api';
import { diagnosisGroups } from './diagnosis-options';
import { formatFrenchDate, parseFrenchDate } from './french-date';
import { RequestGateComponent } from './request-gate.component';
import { CONTROL_OF_FIELD, emptyRequestForm, fromDraft, isDateControl, RequestFormControl, toDraft } from './request-form-model';

const MINIMUM_REASON_LENGTH = 3;

/** Who fills the form: the secretariat on the phone, or the requesting doctor online (their RPPS, the web channel). */
export type RequestFormMode = 'secretariat' | 'doctor';

/**
 * The imaging request form, as on paper and keyboard first: defaults for the usual answers, the request gate
 * checked as fields are filled, Ctrl+Entrée (or Ctrl+S) to save. An incomplete request can be saved.
 */
@Component({
  selector: 'cr-request-form',
  imports: [ReactiveFormsModule, RequestGateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './request-form.component.html',
  host: { '(keydown.control.enter)': 'shortcut($event)', '(keydown.control.s)': 'shortcut($event)' },
})
export class RequestFormComponent implements OnInit {
  /** The request to complete or correct; none for a new one. */
  readonly request = input<RequestView | null>(null);
  readonly mode = input<RequestFormMode>('secretariat');
  readonly saved = output<RequestView>();

  private readonly api = inject(RequestsApi);
  private readonly territory = inject(TerritoryStore);
  private readonly account = inject(SessionStore).account;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  private readonly today = localDateOf(new Date(), this.territory.timeZone());
  protected readonly form = inject(FormBuilder).nonNullable.group(emptyRequestForm(this.today));
  protected readonly reason = new FormControl('', { nonNullable: true });
  protected readonly value = toSignal(this.form.valueChanges.pipe(map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly confirmations = signal<SafetyCheckCode[]>([]);
  private readonly touched = signal<ReadonlySet<RequestFormControl>>(new Set());
  private readonly attempted = signal(false);
  private readonly serverErrors = signal<Partial<Record<RequestFormControl, string>>>({});
  protected readonly reasonError = signal<string | null>(null);
  protected readonly failure = signal<string | null>(null);
  protected readonly pending = signal(false);

  protected readonly editing = computed(() => this.request() !== null);
  protected readonly draft = computed<ImagingRequestDraft>(() => {
    const draft = toDraft(this.value());
    if (this.mode() !== 'doctor') return draft;
    return { ...draft, doctor: { ...draft.doctor, rpps: this.account()?.rpps ?? null }, channel: 'web' };
  });
  protected readonly assessment = computed(() => {
    const request = this.request();
    return assessRequest(this.draft(), {
      today: this.today,
      confirmations: this.confirmations(),
      override: request?.override ? { coordinatorAccountId: request.override.by, reason: request.override.reason } : null,
    });
  });
  /** One message per input: the server's, else an invalid value once the field is left, else missing after a save. */
  protected readonly errors = computed(() => {
    const { missing, invalid } = this.assessment();
    const touched = this.touched();
    const errors: Partial<Record<RequestFormControl, string>> = {};
    if (this.attempted()) for (const p of missing) errors[CONTROL_OF_FIELD[p.field]] ??= p.message;
    for (const p of invalid) {
      const control = CONTROL_OF_FIELD[p.field];
      if (!this.attempted() && !touched.has(control)) continue;
      errors[control] =
        isDateControl(control) && !parseFrenchDate(this.value()[control]) ? 'Date attendue : jj/mm/aaaa.' : p.message;
    }
    return { ...errors, ...this.serverErrors() };
  });

  protected readonly modalities = MODALITIES;
  protected readonly modalityLabels = MODALITY_LABELS;
  protected readonly mobilityAids = MOBILITY_AIDS;
  protected readonly mobilityAidLabels = MOBILITY_AID_LABELS;
  protected readonly formulas = CLEARANCE_FORMULAS;
  protected readonly formulaLabels = CLEARANCE_FORMULA_LABELS;
  protected readonly channels = REQUEST_CHANNELS;
  protected readonly channelLabels = REQUEST_CHANNEL_LABELS;
  protected readonly diagnoses = computed(() => diagnosisGroups(this.value().modality));
  protected readonly contrast = computed(() => this.value().contrast === 'yes');

  constructor() {
    afterNextRender(() => this.focusFirstEmpty());
  }

  ngOnInit(): void {
    const request = this.request();
    if (request) {
      this.form.reset(fromDraft(request.form, this.today));
      this.confirmations.set(request.confirmations);
      if (request.status === 'incomplete') this.reason.setValue('Compléments donnés par le médecin');
    } else if (this.mode() === 'doctor') {
      this.form.controls.doctorName.setValue(this.account()?.displayName.replace(/\s*\(.*\)$/, '') ?? '');
    }
  }

  /** A field was left: its invalid value may now be said; a date is written back the French way. */
  protected left(event: FocusEvent): void {
    const control = controlOf(event);
    if (!control) return;
    this.touched.update((touched) => new Set(touched).add(control));
    if (isDateControl(control)) {
      const iso = parseFrenchDate(this.value()[control]);
      if (iso) this.form.controls[control].setValue(formatFrenchDate(iso));
    }
  }

  /** A field the server refused is being corrected: its message goes. */
  protected edited(event: Event): void {
    const control = controlOf(event);
    if (!control || !this.serverErrors()[control]) return;
    this.serverErrors.update(({ [control]: _gone, ...others }) => others);
  }

  protected confirm(change: { code: SafetyCheckCode; confirmed: boolean }): void {
    this.confirmations.update((codes) =>
      change.confirmed ? [...codes.filter((c) => c !== change.code), change.code] : codes.filter((c) => c !== change.code),
    );
  }

  protected focusField(field: ImagingRequestField): void {
    this.focus(CONTROL_OF_FIELD[field]);
  }

  protected shortcut(event: Event): void {
    event.preventDefault();
    void this.save();
  }

  protected async save(): Promise<void> {
    if (this.pending()) return;
    this.attempted.set(true);
    this.failure.set(null);
    const firstInvalid = this.assessment().invalid[0];
    if (firstInvalid) {
      this.failure.set('Corrigez les champs signalés avant d’enregistrer.');
      this.focusField(firstInvalid.field);
      return;
    }
    const request = this.request();
    const reason = this.reason.value.trim();
    if (request && reason.length < MINIMUM_REASON_LENGTH) {
      this.reasonError.set(`Indiquez le motif de la modification (${MINIMUM_REASON_LENGTH} caractères au moins).`);
      this.host.nativeElement.querySelector<HTMLElement>('#rq-reason')?.focus();
      return;
    }
    this.reasonError.set(null);
    // Only the confirmations the form still asks for: a finding gone with a corrected field is not confirmed.
    const asked = this.assessment().safety.map((finding) => finding.code);
    const input = { form: this.draft(), confirmations: this.confirmations().filter((code) => asked.includes(code)) };
    this.pending.set(true);
    try {
      this.saved.emit(await firstValueFrom(request ? this.api.update(request.id, { ...input, reason }) : this.api.create(input)));
    } catch (error) {
      this.showServerErrors(error);
    } finally {
      this.pending.set(false);
    }
  }

  private showServerErrors(error: unknown): void {
    const errors: Partial<Record<RequestFormControl, string>> = {};
    for (const [path, messages] of Object.entries(apiFieldErrors(error))) {
      const field = path.replace(/^form\./, '') as ImagingRequestField;
      if (IMAGING_REQUEST_FIELDS.includes(field)) errors[CONTROL_OF_FIELD[field]] = messages.join(' ');
      if (path === 'reason') this.reasonError.set(messages.join(' '));
    }
    this.serverErrors.set(errors);
    this.failure.set(apiErrorMessage(error));
    const first = Object.keys(errors)[0] as RequestFormControl | undefined;
    if (first) this.focus(first);
  }

  private focusFirstEmpty(): void {
    const value = this.value();
    const first = (Object.keys(value) as RequestFormControl[]).find(
      (control) => value[control] === '' && this.host.nativeElement.querySelector(`#rq-${control}`),
    );
    this.focus(first ?? 'doctorName');
  }

  private focus(control: RequestFormControl): void {
    const element = this.host.nativeElement.querySelector<HTMLElement>(`#rq-${control}, [name="${control}"]:checked`);
    element?.focus();
  }
}

function controlOf(event: Event): RequestFormControl | null {
  return ((event.target as HTMLElement | null)?.getAttribute('formcontrolname') as RequestFormControl | null) ?? null;
}
