import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import {
  IMAGING_REQUEST_FIELD_LABELS,
  REQUEST_READINESS_LABELS,
  type ImagingRequestField,
  type RequestAssessment,
  type SafetyCheckCode,
} from '@creneau/contracts';

/** What the request gate says of the form as it is being filled: what is missing, outside protocol, safety. */
@Component({
  selector: 'cr-request-gate',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="gate" [class]="assessment().readiness" aria-labelledby="gate-title">
      <!-- Only the verdict is announced as it changes, not every field of the list. -->
      <h2 id="gate-title" aria-live="polite">{{ readinessLabel() }}</h2>
      @if (assessment().missing.length > 0) {
        <p>À compléter ({{ assessment().missing.length }}) :</p>
        <ul class="missing">
          @for (problem of assessment().missing; track problem.field) {
            <li>
              <button type="button" class="link" (click)="fieldAsked.emit(problem.field)">{{ label(problem.field) }}</button>
            </li>
          }
        </ul>
      }
      @if (assessment().invalid.length > 0) {
        <p class="error">{{ assessment().invalid.length }} champ(s) à corriger.</p>
      }
      @if (assessment().outsideProtocol) {
        <p class="notice">
          @if (assessment().overridden) {
            Hors protocole : dérogation accordée par la coordination.
          } @else {
            Hors protocole : une dérogation de la coordination est nécessaire avant toute réservation.
          }
        </p>
      }
      @for (finding of assessment().safety; track finding.code) {
        <div class="safety" [class]="finding.severity">
          <p>{{ finding.message }}</p>
          @if (finding.severity === 'confirm') {
            <label class="check">
              <input
                #box
                type="checkbox"
                [checked]="finding.confirmed"
                (change)="confirmationChanged.emit({ code: finding.code, confirmed: box.checked })"
              />
              Confirmé avec le médecin demandeur
            </label>
          }
        </div>
      }
    </section>
  `,
})
export class RequestGateComponent {
  readonly assessment = input.required<RequestAssessment>();
  readonly fieldAsked = output<ImagingRequestField>();
  readonly confirmationChanged = output<{ code: SafetyCheckCode; confirmed: boolean }>();

  protected readonly readinessLabel = computed(() => {
    const assessment = this.assessment();
    return assessment.readiness === 'incomplete' && assessment.invalid.length > 0 && assessment.missing.length === 0
      ? 'À corriger'
      : REQUEST_READINESS_LABELS[assessment.readiness];
  });

  protected label(field: ImagingRequestField): string {
    return IMAGING_REQUEST_FIELD_LABELS[field];
  }
}
