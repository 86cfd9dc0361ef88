import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { REQUEST_STATUS_LABELS, type RequestView } from '@creneau/contracts';
import { catchError, concat, map, of, scan, startWith, switchMap, throwError } from 'rxjs';
import { apiErrorMessage, apiStatus } from '../api/api-error';
import { ConnectionNoticeComponent } from '../live/connection-notice.component';
import { LiveUpdates } from '../live/live-updates';
import { RequestCommentsComponent } from '../requests/follow-up/request-comments.component';
import { examLabel } from '../requests/request-labels';
import { RequestsApi } from '../requests/requests-api';
import { TerritoryStore } from '../territory/territory-store';
import { AtPipe } from '../time/at.pipe';
import { followUpLabel } from './follow-up-label';

type Loaded =
  { state: 'loading' } | { state: 'loaded'; request: RequestView } | { state: 'not-found' } | { state: 'error'; message: string };
const LOADING: Loaded = { state: 'loading' };
/** Another doctor's request, or none (a malformed id is none either): the server says so, and always will. */
const NOT_READABLE = [400, 403, 404];

/**
 * One of the requesting doctor's requests: where and when it is booked, or why not yet, and its thread with the
 * secretariat and the centre's radiologist. Kept live like « Mes demandes ».
 */
@Component({
  selector: 'cr-my-request-page',
  imports: [RouterLink, AtPipe, ConnectionNoticeComponent, RequestCommentsComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="breadcrumb"><a routerLink="/medecin">← Mes demandes</a></p>
    <cr-connection-notice />
    @switch (view().state) {
      @case ('loading') {
        <p>Chargement de la demande…</p>
      }
      @case ('not-found') {
        <h1>Demande introuvable</h1>
        <p class="error" role="alert">Cette demande n’existe pas ou ne fait pas partie de vos demandes.</p>
      }
      @case ('error') {
        <p class="error" role="alert">La demande n’a pas pu être chargée. {{ errorMessage() }}</p>
      }
    }
    @if (request(); as request) {
      <header class="request-header">
        <h1>
          {{ request.patientName ?? 'Patient non renseigné' }}
          <span class="reference">{{ request.reference }}</span>
        </h1>
        <p>
          <span class="state" [class.off]="request.status === 'incomplete'">{{ statusLabels[request.status] }}</span>
          {{ examLabel(request) }}
        </p>
      </header>
      <section class="panel summary" aria-label="Suivi de la demande">
        <dl>
          <dt>Reçue le</dt>
          <dd>{{ request.receivedAt | at: timeZone() : 'long' }}</dd>
          <dt>Suivi</dt>
          <dd class="follow-up">{{ followUp(request, timeZone()) }}</dd>
        </dl>
      </section>
      <cr-request-comments [requestId]="request.id" />
    }
  `,
})
export class MyRequestPageComponent {
  /** The request's id, from the route. */
  readonly id = input.required<string>();

  private readonly api = inject(RequestsApi);
  private readonly live = inject(LiveUpdates);
  protected readonly timeZone = inject(TerritoryStore).timeZone;
  protected readonly statusLabels = REQUEST_STATUS_LABELS;
  protected readonly examLabel = examLabel;
  protected readonly followUp = followUpLabel;

  /** Read once, then again after each change of the doctor's requests; a failed read again keeps the request shown. */
  protected readonly view = toSignal(
    toObservable(this.id).pipe(
      switchMap((id) =>
        this.live
          .watch('requests', () =>
            this.api.get(id).pipe(
              map((request): Loaded => ({ state: 'loaded', request })),
              catchError((error: unknown) =>
                NOT_READABLE.includes(apiStatus(error) ?? 0)
                  ? of<Loaded>({ state: 'not-found' })
                  : // Told, and tried again by the watch, a little later.
                    concat(
                      of<Loaded>({ state: 'error', message: apiErrorMessage(error) }),
                      throwError(() => error),
                    ),
              ),
            ),
          )
          .pipe(
            scan((shown, next) => (next.state === 'error' && shown.state === 'loaded' ? shown : next), LOADING),
            startWith(LOADING),
          ),
      ),
    ),
    { initialValue: LOADING },
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
