import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MODALITY_LABELS, type CentreSummary, type Modality, type SlotRuleView } from '@creneau/contracts';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { AtPipe } from '../../time/at.pipe';
import { localDate } from '../../time/format-instant';
import { RuleSchedule, SlotRulesApi } from './slot-rules-api';
import { rruleDays, Weekday, WEEKDAYS, weeklyRrule } from './weekly-rrule';

const MINIMUM_REASON_LENGTH = 3;

/** A recurring rule to create or edit, with the slots it would publish shown before saving. */
@Component({
  selector: 'cr-rule-form',
  imports: [ReactiveFormsModule, AtPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rule-form.component.html',
})
export class RuleFormComponent implements OnInit {
  readonly centre = input.required<CentreSummary>();
  readonly timeZone = input.required<string>();
  /** The rule to edit; none to create one. */
  readonly rule = input<SlotRuleView | null>(null);
  readonly saved = output<string>();
  readonly cancelled = output<void>();

  private readonly api = inject(SlotRulesApi);
  protected readonly weekdays = WEEKDAYS;
  protected readonly modalityLabels = MODALITY_LABELS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    modality: '' as Modality | '',
    startLocal: '11:00',
    durationMinutes: 20,
    capacity: 1,
    validFrom: '',
    validUntil: '',
    reason: '',
  });
  protected readonly days = signal<Weekday[]>(['MO', 'TU', 'WE', 'TH', 'FR']);
  /** A rule other than daily or weekly keeps its RRULE as written. */
  protected readonly customRrule = signal<string | null>(null);
  protected readonly preview = signal<{ start: string }[] | null>(null);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    const rule = this.rule();
    this.form.controls.validFrom.setValue(localDate(new Date(), this.timeZone()));
    this.form.controls.modality.setValue(this.centre().modalities[0] ?? '');
    if (!rule) return;
    this.form.patchValue({
      modality: rule.modality,
      startLocal: rule.startLocal,
      durationMinutes: rule.durationMinutes,
      capacity: rule.capacity,
      validFrom: rule.validFrom,
      validUntil: rule.validUntil ?? '',
    });
    const days = rruleDays(rule.rrule);
    if (days) this.days.set(days);
    else this.customRrule.set(rule.rrule);
  }

  protected toggle(day: Weekday, checked: boolean): void {
    this.days.update((days) => (checked ? [...days, day] : days.filter((d) => d !== day)));
    this.preview.set(null);
  }

  protected async showPreview(): Promise<void> {
    const schedule = this.schedule();
    if (!schedule) return;
    try {
      this.preview.set(await firstValueFrom(this.api.preview(this.centre().id, schedule)));
    } catch (error) {
      this.error.set(apiErrorMessage(error));
    }
  }

  protected async save(): Promise<void> {
    const schedule = this.schedule();
    const { modality, capacity, reason } = this.form.getRawValue();
    const rule = this.rule();
    if (!schedule || !modality) return;
    if (rule && reason.trim().length < MINIMUM_REASON_LENGTH) {
      this.error.set(`Indiquez le motif du changement (${MINIMUM_REASON_LENGTH} caractères au moins).`);
      return;
    }
    try {
      const change = await firstValueFrom(
        rule
          ? this.api.update(rule.id, { ...schedule, capacity, reason: reason.trim() })
          : this.api.create({ ...schedule, centreId: this.centre().id, modality, capacity }),
      );
      this.saved.emit(`Règle enregistrée : ${Object.values(change.slots).reduce((a, b) => a + b, 0)} créneau(x) mis à jour.`);
    } catch (error) {
      this.error.set(apiErrorMessage(error));
    }
  }

  private schedule(): RuleSchedule | null {
    this.error.set(null);
    const { startLocal, durationMinutes, validFrom, validUntil } = this.form.getRawValue();
    const rrule = this.customRrule() ?? (this.days().length > 0 ? weeklyRrule(this.days()) : null);
    if (!rrule) {
      this.error.set('Choisissez au moins un jour.');
      return null;
    }
    return { rrule, startLocal, durationMinutes, validFrom, validUntil: validUntil || null };
  }
}
