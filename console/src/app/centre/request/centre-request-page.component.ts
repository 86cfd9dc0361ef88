import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { RequestView } from '@creneau/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { RequestCommentsComponent } from '../../requests/follow-up/request-comments.component';
import { RequestHistoryComponent } from '../../requests/follow-up/request-history.component';
import { RequestHeaderComponent } from '../../requests/request-header.component';
import { RequestsApi } from '../../requests/requests-api';
import { TerritoryStore } from '../../territory/territory-store';
import { AtPipe } from '../../time/at.pipe';
import { APPOINTMENT_STATUS_LABELS } from '../agenda/appointment-labels';

type Loaded = { state: 'loading' } | { state: 'loaded'; request: RequestView } | { state: 'error'; message: string };

/**
 * A request booked with the centre, as its staff read it from the agenda: the exam and the clinical elements, its
 * appointments here, its history, and the thread with the secretariat and the requesting doctor.
 */
@Component({
  selector: 'cr-centre-request-page',
  imports: [RouterLink, AtPipe, RequestHeaderComponent, RequestHistoryComponent, RequestCommentsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="breadcrumb"><a routerLink="/centre">← Agenda</a></p>
    @switch (view().state) {
      @case ('loading') {
        <p>Chargement de la demande…</p>
      }
      @case ('error') {
        <p class="error" role="alert">La demande n’a pas pu être chargée. {{ errorMessage() }}</p>
      }
    }
    @if (request(); as request) {
      <cr-request-header [request]="request" />
      <dl class="clinical">
        <dt>Éléments cliniques</dt>
        <dd>{{ request.form.clinicalElements ?? 'Non renseignés' }}</dd>
        <dt>Allergies</dt>
        <dd>
          {{
            request.form.allergies?.contrastAgent
              ? 'Allergie aux produits de contraste'
              : 'Pas d’allergie connue aux produits de contraste'
          }}
          {{ request.form.allergies?.details ?? '' }}
        </dd>
      </dl>
      @if (request.appointments.length > 0) {
        <h2>Rendez-vous</h2>
        <ul>
          @for (appointment of request.appointments; track appointment.id) {
            <li>
              {{ appointment.start | at: timeZone() : 'day-time' }} — {{ appointment.centreName }} —
              {{ statusLabels[appointment.status] }}{{ appointment.reason ? ' (' + appointment.reason + ')' : '' }}
            </li>
          }
        </ul>
      }
      <cr-request-history [requestId]="request.id" />
      <cr-request-comments [requestId]="request.id" />
    }
  `,
})
export class CentreRequestPageComponent {
  /** The request's id, from the route. */
  readonly id = input.required<string>();

  private readonly api = inject(RequestsApi);
  protected readonly timeZone = inject(TerritoryStore).timeZone;
  protected readonly statusLabels = APPOINTMENT_STATUS_LABELS;

  protected readonly view = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        this.api.get(id).pipe(
          map((request): Loaded => ({ state: 'loaded', request })),
          catchError((error: unknown) => of<Loaded>({ state: 'error', message: apiErrorMessage(error) })),
          startWith<Loaded>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Loaded },
  );
  protected readonly request = computed(() => {
    const view = this.view();
    return view.state === 'loaded' ? view.request : null;
  });
  protected readonly errorMessage = computed(() => {
    const view = this.view();
    return view.state === 'error' ? view.message : '';
  });
}
