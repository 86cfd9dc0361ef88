import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { MODALITY_LABELS, REQUEST_STATUS_LABELS, SUSPECTED_DIAGNOSIS_LABELS, type RequestView } from '@creneau/contracts';
import { TerritoryStore } from '../territory/territory-store';
import { timeLeft } from './time-left';

/** Who, what and how urgent, above a request: and the GP to call back. */
@Component({
  selector: 'cr-request-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="request-header">
      <h1>
        {{ request().patientName ?? 'Patient non renseigné' }}
        <span class="reference">{{ request().reference }}</span>
      </h1>
      <p>
        <span class="state" [class.off]="request().status === 'incomplete'">{{ statusLabel() }}</span>
        {{ exam() }}
        <span class="deadline" [class]="deadline().status">{{ deadline().label }}</span>
      </p>
      <p class="callback">
        Médecin : {{ request().form.doctor?.name ?? 'non renseigné' }}
        @if (request().form.doctor?.phone; as phone) {
          — rappel au <a [href]="'tel:' + phone">{{ phone }}</a>
        }
      </p>
    </header>
  `,
})
export class RequestHeaderComponent {
  readonly request = input.required<RequestView>();

  private readonly territory = inject(TerritoryStore);
  protected readonly statusLabel = computed(() => REQUEST_STATUS_LABELS[this.request().status]);
  protected readonly deadline = computed(() => timeLeft(this.request(), new Date(), this.territory.policy()));
  protected readonly exam = computed(() => {
    const { exam, suspectedDiagnosis } = this.request().form;
    return [
      exam?.modality ? MODALITY_LABELS[exam.modality] : null,
      exam?.anatomicalRegion,
      suspectedDiagnosis?.code ? SUSPECTED_DIAGNOSIS_LABELS[suspectedDiagnosis.code] : null,
    ]
      .filter(Boolean)
      .join(' — ');
  });
}
