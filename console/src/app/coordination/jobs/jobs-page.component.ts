import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { JOB_LABELS, JOB_SCHEDULE_LABELS, type JobStatusView } from '@creneau/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { TerritoryStore } from '../../territory/territory-store';
import { InstantPipe } from '../../time/instant.pipe';
import { JobsApi } from './jobs-api';
import { countsLabel, durationLabel, OUTCOME_LABELS } from './job-run-labels';

type Loaded = { state: 'loading' } | { state: 'loaded'; jobs: JobStatusView[] } | { state: 'error'; message: string };

/** The coordinator's view of the scheduled jobs: each one's last run, its outcome and what it did. */
@Component({
  selector: 'cr-jobs-page',
  imports: [InstantPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './jobs-page.component.html',
  styles: `
    tbody th {
      background: none;
    }
    .schedule {
      display: block;
      font-weight: normal;
      font-size: 0.85rem;
    }
  `,
})
export class JobsPageComponent {
  private readonly api = inject(JobsApi);
  protected readonly timeZone = inject(TerritoryStore).timeZone;

  private readonly reloads = signal(0);
  protected readonly view = toSignal(
    toObservable(this.reloads).pipe(
      switchMap(() =>
        this.api.latest().pipe(
          map((jobs): Loaded => ({ state: 'loaded', jobs })),
          catchError((error: unknown) => of<Loaded>({ state: 'error', message: apiErrorMessage(error) })),
          startWith<Loaded>({ state: 'loading' }),
        ),
      ),
    ),
    { initialValue: { state: 'loading' } as Loaded },
  );
  protected readonly jobs = computed(() => {
    const view = this.view();
    return view.state === 'loaded' ? view.jobs : [];
  });
  protected readonly errorMessage = computed(() => {
    const view = this.view();
    return view.state === 'error' ? view.message : '';
  });

  protected readonly jobLabels = JOB_LABELS;
  protected readonly scheduleLabels = JOB_SCHEDULE_LABELS;
  protected readonly outcomeLabels = OUTCOME_LABELS;
  protected readonly countsLabel = countsLabel;
  protected readonly durationLabel = durationLabel;

  protected reload(): void {
    this.reloads.update((count) => count + 1);
  }
}
