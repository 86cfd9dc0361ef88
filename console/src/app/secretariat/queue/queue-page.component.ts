import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { REQUEST_STATUS_LABELS, type RequestSummary } from '@creneau/contracts';
import { combineLatest, debounceTime, distinctUntilChanged, map, switchMap } from 'rxjs';
import { LiveUpdates } from '../../live/live-updates';
import { ConnectionNoticeComponent } from '../../live/connection-notice.component';
import { examLabel, missingLabels } from '../../requests/request-labels';
import { RequestsApi } from '../../requests/requests-api';
import { timeLeft } from '../../requests/time-left';
import { TerritoryStore } from '../../territory/territory-store';
import { AtPipe } from '../../time/at.pipe';
import { QUEUE_FILTERS, QueueFilter, queueLines } from './queue-filters';

const SEARCH_DEBOUNCE_MS = 250;

/** The secretariat's queue: open requests, most urgent first, with the time left against the delays. */
@Component({
  selector: 'cr-queue-page',
  imports: [RouterLink, AtPipe, ConnectionNoticeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './queue-page.component.html',
  host: { '(document:keydown.alt.n)': 'newRequest($event)' },
})
export class QueuePageComponent {
  private readonly api = inject(RequestsApi);
  private readonly live = inject(LiveUpdates);
  private readonly router = inject(Router);
  private readonly territory = inject(TerritoryStore);

  protected readonly filters = QUEUE_FILTERS;
  protected readonly filter = signal<QueueFilter>(QUEUE_FILTERS[0]);
  protected readonly search = signal('');
  protected readonly timeZone = this.territory.timeZone;
  protected readonly statusLabels = REQUEST_STATUS_LABELS;

  private readonly answer = toSignal(
    combineLatest([
      toObservable(this.filter),
      toObservable(this.search).pipe(debounceTime(SEARCH_DEBOUNCE_MS), distinctUntilChanged()),
    ]).pipe(
      switchMap(([filter, q]) =>
        this.live
          .watch('queue', () => this.api.list({ status: filter.status, q }))
          .pipe(map((requests) => ({ filter, requests, at: new Date() }))),
      ),
    ),
  );
  protected readonly lines = computed(() => {
    const answer = this.answer();
    if (!answer) return null;
    return queueLines(answer.requests, answer.filter).map((request) => ({
      request,
      deadline: timeLeft(request, answer.at, this.territory.policy()),
      exam: examLabel(request),
      missing: missingLabels(request),
    }));
  });

  protected newRequest(event: Event): void {
    event.preventDefault();
    void this.router.navigateByUrl('/secretariat/demandes/nouvelle');
  }

  protected searched(event: Event): void {
    this.search.set((event.target as HTMLInputElement).value);
  }

  protected isRefused(request: RequestSummary): boolean {
    return request.status === 'to-book' && request.refusalCount > 0;
  }
}
