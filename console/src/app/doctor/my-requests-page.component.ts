import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { REQUEST_STATUS_LABELS } from '@creneau/contracts';
import { ConnectionNoticeComponent } from '../live/connection-notice.component';
import { LiveUpdates } from '../live/live-updates';
import { examLabel } from '../requests/request-labels';
import { RequestsApi } from '../requests/requests-api';
import { TerritoryStore } from '../territory/territory-store';
import { AtPipe } from '../time/at.pipe';
import { followUpLabel } from './follow-up-label';

/** A requesting doctor's own requests: where and when they are booked, or why not yet. */
@Component({
  selector: 'cr-my-requests-page',
  imports: [RouterLink, AtPipe, ConnectionNoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>Mes demandes d’imagerie</h1>
      <a class="button primary" routerLink="/medecin/demande">Nouvelle demande</a>
    </div>
    <cr-connection-notice />
    @if (requests(); as requests) {
      <table class="data">
        <thead>
          <tr>
            <th scope="col">Reçue le</th>
            <th scope="col">Patient</th>
            <th scope="col">Examen</th>
            <th scope="col">Statut</th>
            <th scope="col">Suivi</th>
          </tr>
        </thead>
        <tbody>
          @for (request of requests; track request.id) {
            <tr>
              <td class="nowrap">{{ request.receivedAt | at: timeZone() : 'day-time' }}</td>
              <td>
                <a [routerLink]="['/medecin/demandes', request.id]">{{ request.patientName ?? 'Patient non renseigné' }}</a>
                <span class="details">{{ request.reference }}</span>
              </td>
              <td>{{ examLabel(request) }}</td>
              <td>
                <span class="state" [class.off]="request.status === 'incomplete'">{{ statusLabels[request.status] }}</span>
              </td>
              <td>{{ followUp(request, timeZone()) }}</td>
            </tr>
          } @empty {
            <tr>
              <td colspan="5">Aucune demande pour l’instant.</td>
            </tr>
          }
        </tbody>
      </table>
    } @else {
      <p>Chargement de vos demandes…</p>
    }
  `,
})
export class MyRequestsPageComponent {
  private readonly api = inject(RequestsApi);
  protected readonly timeZone = inject(TerritoryStore).timeZone;
  private readonly answer = toSignal(inject(LiveUpdates).watch('requests', () => this.api.list()));
  protected readonly requests = computed(() =>
    this.answer()
      ?.slice()
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt)),
  );
  protected readonly statusLabels = REQUEST_STATUS_LABELS;
  protected readonly examLabel = examLabel;
  protected readonly followUp = followUpLabel;
}
