import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  viewChild,
} from '@angular/core';
import { MODALITY_LABELS, type AppointmentView, type RequestView } from '@creneau/contracts';
import { TerritoryStore } from '../../territory/territory-store';
import { AtPipe } from '../../time/at.pipe';
import { preparationFor } from './preparation';

/** The booked appointment, worded to be read back to the GP on the phone. */
@Component({
  selector: 'cr-booking-summary',
  imports: [AtPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel summary" aria-labelledby="summary-title">
      <h2 id="summary-title" #title tabindex="-1">Rendez-vous réservé — à relire au médecin</h2>
      <dl>
        <dt>Patient</dt>
        <dd>{{ request().patientName }} — {{ exam() }}</dd>
        <dt>Quand</dt>
        <dd class="when">{{ appointment().start | at: timeZone() : 'long' }}</dd>
        <dt>Où</dt>
        <dd>
          {{ appointment().centreName }}
          @if (centre(); as centre) {
            <br />{{ centre.address }}<br />Tél. {{ centre.phone }}
          }
        </dd>
        <dt>Préparation</dt>
        <dd>
          <ul>
            @for (step of preparation(); track step) {
              <li>{{ step }}</li>
            }
          </ul>
        </dd>
      </dl>
      <p class="hint">
        Le centre doit encore confirmer : la demande reste suivie dans la file « Réservées — en attente du centre ».
      </p>
    </section>
  `,
})
export class BookingSummaryComponent {
  readonly appointment = input.required<AppointmentView>();
  readonly request = input.required<RequestView>();

  private readonly territory = inject(TerritoryStore);
  private readonly title = viewChild.required<ElementRef<HTMLElement>>('title');
  protected readonly timeZone = this.territory.timeZone;
  protected readonly centre = computed(() => this.territory.centresById().get(this.appointment().centreId) ?? null);
  protected readonly exam = computed(() => {
    const exam = this.request().form.exam;
    if (!exam?.modality) return '';
    return `${MODALITY_LABELS[exam.modality]}${exam.anatomicalRegion ? ' ' + exam.anatomicalRegion : ''}${exam.contrast ? ' avec injection' : ''}`;
  });
  protected readonly preparation = computed(() => {
    const exam = this.request().form.exam;
    return exam?.modality ? preparationFor(exam.modality, exam.contrast === true) : [];
  });

  constructor() {
    afterNextRender(() => this.title().nativeElement.focus());
  }
}
