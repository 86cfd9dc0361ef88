import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { RequestEventView } from '@creneau/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { TerritoryStore } from '../../territory/territory-store';
import { InstantPipe } from '../../time/instant.pipe';
import { RequestsApi } from '../requests-api';
import { actorLabel, historyActionLabel, transitionLabel } from './history-labels';

type Loaded = { state: 'loading' } | { state: 'loaded'; events: RequestEventView[] } | { state: 'error'; message: string };

/** A request's history, oldest first: when, who, what, and why. Read again whenever `refresh` changes. */
@Component({
  selector: 'cr-request-history',
  imports: [InstantPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="history" aria-labelledby="history-title">
      <h2 id="history-title">Historique</h2>
      @switch (view().state) {
        @case ('loading') {
          <p>Chargement de l’historique…</p>
        }
        @case ('error') {
          <p class="error" role="alert">L’historique n’a pas pu être chargé. {{ errorMessage() }}</p>
        }
        @case ('loaded') {
          @if (events().length === 0) {
            <p>Aucun changement enregistré.</p>
          } @else {
            <table class="data">
              <caption class="visually-hidden">
                Historique de la demande, du plus ancien au plus récent
              </caption>
              <thead>
                <tr>
                  <th scope="col">Quand</th>
                  <th scope="col">Qui</th>
                  <th scope="col">Quoi</th>
                  <th scope="col">Pourquoi</th>
                </tr>
              </thead>
              <tbody>
                @for (event of events(); track event.id) {
                  <tr>
                    <td class="nowrap">{{ event.occurredAt | instant: timeZone() }}</td>
                    <td>{{ actor(event) }}</td>
                    <td>
                      {{ action(event.action) }}
                      @if (transition(event); as transition) {
                        <span class="details">{{ transition }}</span>
                      }
                    </td>
                    <td>{{ event.reason ?? '' }}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
        }
      }
    </section>
  `,
  styles: `
    .details {
      display: block;
    }
  `,
})
export class RequestHistoryComponent {
  readonly requestId = input.required<string>();
  /** Bumped by the page after a change it made, to read the history again. */
  readonly refresh = input(0);

  private readonly api = inject(RequestsApi);
  protected readonly timeZone = inject(TerritoryStore).timeZone;

  private readonly query = computed(() => ({ id: this.requestId(), refresh: this.refresh() }));
  protected readonly view = toSignal(
    toObservable(this.query).pipe(
      switchMap(({ id }) =>
        this.api.history(id).pipe(
          map((events): Loaded => ({ state: 'loaded', events })),
          catchError((error: unknown) => of<Loaded>({ state: 'error', message: apiErrorMessage(error) })),
          startWith<Loaded>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Loaded },
  );
  protected readonly events = computed(() => {
    const view = this.view();
    return view.state === 'loaded' ? view.events : [];
  });
  protected readonly errorMessage = computed(() => {
    const view = this.view();
    return view.state === 'error' ? view.message : '';
  });

  protected readonly action = historyActionLabel;
  protected readonly actor = actorLabel;
  protected readonly transition = transitionLabel;
}
