import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { IMAGING_REQUEST_FIELD_LABELS, type ImagingRequestField, type RequestView } from '@creneau/contracts';
import { RequestFormComponent } from '../requests/form/request-form.component';

/** A requesting doctor submits a request online: the same form and rules as the secretariat's. */
@Component({
  selector: 'cr-doctor-request-page',
  imports: [RouterLink, RequestFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="breadcrumb"><a routerLink="/medecin">← Mes demandes</a></p>
    <h1>Demande d’imagerie en soins non programmés</h1>
    @if (sent(); as sent) {
      <section class="panel" role="status">
        <h2>Demande {{ sent.reference }} envoyée</h2>
        @if (sent.status === 'incomplete') {
          <p>Elle est incomplète ({{ missing(sent).join(', ') }}) : le télésecrétariat vous rappellera avant de la programmer.</p>
        } @else {
          <p>Le télésecrétariat la programme dans les meilleurs délais ; suivez-la dans « Mes demandes ».</p>
        }
        <a routerLink="/medecin">Voir mes demandes</a>
      </section>
    } @else {
      <cr-request-form mode="doctor" (saved)="sent.set($event)" />
    }
  `,
})
export class DoctorRequestPageComponent {
  protected readonly sent = signal<RequestView | null>(null);

  protected missing(request: RequestView): string[] {
    return request.assessment.missing.map((p) => IMAGING_REQUEST_FIELD_LABELS[p.field as ImagingRequestField]);
  }
}
