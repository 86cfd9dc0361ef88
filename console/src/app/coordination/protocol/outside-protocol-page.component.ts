import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import type { RequestSummary } from '@creneau/contracts';
import { firstValueFrom, switchMap } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { LiveUpdates } from '../../live/live-updates';
import { examLabel } from '../../requests/request-labels';
import { RequestsApi } from '../../requests/requests-api';
import { TerritoryStore } from '../../territory/territory-store';
import { AtPipe } from '../../time/at.pipe';

const MINIMUM_REASON_LENGTH = 3;

/** Requests outside the protocol, waiting for a coordinator's override (with its reason) before they can be booked. */
@Component({
  selector: 'cr-outside-protocol-page',
  imports: [ReactiveFormsModule, AtPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './outside-protocol-page.component.html',
})
export class OutsideProtocolPageComponent {
  private readonly api = inject(RequestsApi);
  private readonly live = inject(LiveUpdates);
  protected readonly timeZone = inject(TerritoryStore).timeZone;
  protected readonly examLabel = examLabel;

  private readonly refresh = signal(0);
  private readonly toBook = toSignal(
    toObservable(this.refresh).pipe(switchMap(() => this.live.watch('queue', () => this.api.list({ status: 'to-book' })))),
  );
  protected readonly requests = computed(() => this.toBook()?.filter((request) => request.readiness === 'outside-protocol'));
  protected readonly target = signal<RequestSummary | null>(null);
  protected readonly reason = new FormControl('', { nonNullable: true });
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal('');

  protected open(request: RequestSummary): void {
    this.target.set(request);
    this.reason.reset();
    this.error.set(null);
  }

  protected async override(request: RequestSummary): Promise<void> {
    const reason = this.reason.value.trim();
    if (reason.length < MINIMUM_REASON_LENGTH) {
      this.error.set(`Indiquez le motif de la dérogation (${MINIMUM_REASON_LENGTH} caractères au moins).`);
      return;
    }
    try {
      const view = await firstValueFrom(this.api.override(request.id, reason));
      this.target.set(null);
      this.notice.set(`Dérogation accordée pour ${view.reference} : la demande peut être programmée.`);
      this.refresh.update((n) => n + 1);
    } catch (error) {
      this.error.set(apiErrorMessage(error));
    }
  }
}
