import { ChangeDetectionStrategy, Component, inject, input, OnInit, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import {
  MODALITIES,
  MODALITY_LABELS,
  type CentreSector,
  type CentreSummary,
  type Modality,
  type UpdatedCentreView,
} from '@creneau/contracts';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage, apiFieldErrors } from '../../api/api-error';
import { CentresApi, NewCentre } from './centres-api';

const MINIMUM_REASON_LENGTH = 3;

/** A new partner centre, or a change to one (with its reason; unticking « actif » closes it for good). */
@Component({
  selector: 'cr-centre-form',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './centre-form.component.html',
})
export class CentreFormComponent implements OnInit {
  /** The centre to edit; none to create one. */
  readonly centre = input<CentreSummary | null>(null);
  /** The centre as saved; a change answers too with the appointments ahead when it closed the centre for good. */
  readonly saved = output<CentreSummary | UpdatedCentreView>();
  readonly cancelled = output<void>();

  private readonly api = inject(CentresApi);
  protected readonly modalities = MODALITIES;
  protected readonly modalityLabels = MODALITY_LABELS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: '',
    sector: 'private' as CentreSector,
    organisation: '',
    streetAddress: '',
    postcode: '',
    city: '',
    latitude: '',
    longitude: '',
    phone: '',
    secureEmail: '',
    wheelchairAccessible: true,
    stretcherAccessible: false,
    acceptsMrConditionalPacemaker: false,
    active: true,
    reason: '',
  });
  protected readonly chosen = signal<Modality[]>([]);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly failure = signal<string | null>(null);

  ngOnInit(): void {
    const centre = this.centre();
    if (!centre) return;
    this.form.patchValue({
      name: centre.name,
      sector: centre.sector,
      organisation: centre.organisation,
      phone: centre.phone,
      latitude: String(centre.location.latitude),
      longitude: String(centre.location.longitude),
      wheelchairAccessible: centre.wheelchairAccessible,
      stretcherAccessible: centre.stretcherAccessible,
      acceptsMrConditionalPacemaker: centre.acceptsMrConditionalPacemaker,
      active: centre.active,
    });
    this.chosen.set([...centre.modalities]);
  }

  protected toggle(modality: Modality, checked: boolean): void {
    this.chosen.update((chosen) => (checked ? [...chosen, modality] : chosen.filter((m) => m !== modality)));
  }

  protected async save(): Promise<void> {
    const value = this.form.getRawValue();
    const centre = this.centre();
    this.failure.set(null);
    if (this.chosen().length === 0) {
      this.errors.set({ modalities: 'Cochez au moins un examen.' });
      return;
    }
    if (centre && value.reason.trim().length < MINIMUM_REASON_LENGTH) {
      this.errors.set({ reason: `Indiquez le motif du changement (${MINIMUM_REASON_LENGTH} caractères au moins).` });
      return;
    }
    this.errors.set({});
    const common = {
      name: value.name.trim(),
      sector: value.sector,
      organisation: value.organisation.trim(),
      phone: value.phone.trim(),
      latitude: Number(value.latitude.replace(',', '.')),
      longitude: Number(value.longitude.replace(',', '.')),
      modalities: this.chosen(),
      wheelchairAccessible: value.wheelchairAccessible,
      stretcherAccessible: value.stretcherAccessible,
      acceptsMrConditionalPacemaker: value.acceptsMrConditionalPacemaker,
    };
    try {
      const request = centre
        ? this.api.update(centre.id, { ...common, active: value.active, reason: value.reason.trim() })
        : this.api.create({
            ...common,
            streetAddress: value.streetAddress.trim(),
            postcode: value.postcode.trim(),
            city: value.city.trim(),
            secureEmail: value.secureEmail.trim(),
          } satisfies NewCentre);
      this.saved.emit(await firstValueFrom(request));
    } catch (error) {
      this.errors.set(
        Object.fromEntries(Object.entries(apiFieldErrors(error)).map(([field, messages]) => [field, messages.join(' ')])),
      );
      this.failure.set(apiErrorMessage(error));
    }
  }
}
