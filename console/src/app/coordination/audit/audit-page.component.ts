import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { AuditEventView } from '@creneau/contracts';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { TerritoryApi } from '../../territory/territory-api';
import { InstantPipe } from '../../time/instant.pipe';
import { endOfDay, startOfDay } from '../../time/start-of-day';
import { AccountsApi } from '../accounts/accounts-api';
import { AuditApi, AuditFilter } from './audit-api';
import { actionLabel, detailsLabel, subjectLabel } from './audit-labels';

const LIMIT = 200;

type Loaded = { state: 'loading' } | { state: 'loaded'; events: AuditEventView[] } | { state: 'error'; message: string };

/** Who did what and why, newest first, by author and period (days in the territory's time zone). */
@Component({
  selector: 'cr-audit-page',
  imports: [ReactiveFormsModule, InstantPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './audit-page.component.html',
})
export class AuditPageComponent {
  private readonly api = inject(AuditApi);

  protected readonly accounts = toSignal(
    inject(AccountsApi)
      .list()
      .pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  protected readonly accountEmails = computed(() => new Map(this.accounts().map((account) => [account.id, account.email])));
  /** The territory's zone, else the browser's, for the days of the filter and the times shown. */
  protected readonly timeZone = toSignal(
    inject(TerritoryApi)
      .list()
      .pipe(
        map((territories) => territories[0]?.timezone ?? browserTimeZone()),
        catchError(() => of(browserTimeZone())),
      ),
    { initialValue: browserTimeZone() },
  );
  protected readonly form = inject(FormBuilder).nonNullable.group({ accountId: '', from: '', to: '' });
  protected readonly periodError = signal<string | null>(null);
  protected readonly limit = LIMIT;

  private readonly filter = signal<AuditFilter>({ limit: LIMIT });
  protected readonly view = toSignal(
    toObservable(this.filter).pipe(
      switchMap((filter) =>
        this.api.find(filter).pipe(
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

  protected readonly actionLabel = actionLabel;
  protected readonly detailsLabel = detailsLabel;

  protected subject(event: AuditEventView): string {
    return subjectLabel(event, this.accountEmails());
  }

  protected apply(): void {
    const { accountId, from, to } = this.form.getRawValue();
    if (from && to && to < from) {
      this.periodError.set('La fin de la période précède son début.');
      return;
    }
    this.periodError.set(null);
    const zone = this.timeZone();
    this.filter.set({
      limit: LIMIT,
      ...(accountId ? { accountId } : {}),
      ...(from ? { from: startOfDay(from, zone).toISOString() } : {}),
      ...(to ? { to: endOfDay(to, zone).toISOString() } : {}),
    });
  }

  protected clear(): void {
    this.form.reset();
    this.apply();
  }
}

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
