import { Injectable, signal } from '@angular/core';
import { catchError, EMPTY, exhaustMap, Observable, tap, timer } from 'rxjs';

/** What a view watches: the secretariat's queue, the free slots of a search, a centre's agenda. */
export type LiveTopic = 'queue' | 'slots' | 'agenda' | 'requests';

/** How often each topic is read again while no live events reach the console. */
export const POLL_MS: Record<LiveTopic, number> = { queue: 5_000, slots: 3_000, agenda: 5_000, requests: 10_000 };

export type ConnectionState = 'connected' | 'lost';

/**
 * Keeps views up to date with what others do. For now it polls: each `watch` reads its topic again every few
 * seconds. When the server's socket.io events land in @creneau/contracts, only this service changes: `watch`
 * will read again when an event of the topic arrives (and once on reconnection) instead of on a timer.
 */
@Injectable({ providedIn: 'root' })
export class LiveUpdates {
  private readonly state = signal<ConnectionState>('connected');
  /** Whether the last reads reached the server: a lost connection is shown to the user. */
  readonly connection = this.state.asReadonly();

  /** `load()` at once, then again on every change of the topic; failures mark the connection lost, never end the watch. */
  watch<T>(topic: LiveTopic, load: () => Observable<T>): Observable<T> {
    return timer(0, POLL_MS[topic]).pipe(
      exhaustMap(() =>
        load().pipe(
          tap(() => this.state.set('connected')),
          catchError(() => {
            this.state.set('lost');
            return EMPTY;
          }),
        ),
      ),
    );
  }
}
