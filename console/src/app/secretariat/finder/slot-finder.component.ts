import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AppointmentView, LiveEvent, RequestView } from '@creneau/contracts';
import { combineLatest, switchMap } from 'rxjs';
import { LiveUpdates } from '../../live/live-updates';
import { TerritoryStore } from '../../territory/territory-store';
import { AtPipe } from '../../time/at.pipe';
import { BookingApi } from './booking-api';
import { DayGridComponent } from './day-grid.component';
import { HoldPanelComponent } from './hold-panel.component';
import { SlotHolds } from './slot-holds';
import { SlotListComponent } from './slot-list.component';
import { slotQueryFor } from './slot-query';

/**
 * Every free slot that fits a bookable request, kept up to date while on the phone: as a ranked list (earliest
 * first) or a grid by centre and day. Choosing one holds it; booking it ends with what to read back to the GP.
 */
@Component({
  selector: 'cr-slot-finder',
  imports: [AtPipe, DayGridComponent, HoldPanelComponent, SlotListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './slot-finder.component.html',
})
export class SlotFinderComponent {
  readonly request = input.required<RequestView>();
  readonly booked = output<AppointmentView>();

  private readonly api = inject(BookingApi);
  private readonly live = inject(LiveUpdates);
  protected readonly timeZone = inject(TerritoryStore).timeZone;

  protected readonly holds: SlotHolds = new SlotHolds(
    () => this.request().id,
    () => this.hits(),
  );
  protected readonly result = toSignal(
    combineLatest([toObservable(this.request), toObservable(this.holds.searchAgain)]).pipe(
      switchMap(([request]) =>
        this.live.watch(
          'slots',
          () => this.api.search(slotQueryFor(request, new Date())),
          (event: LiveEvent) => event.entity === 'slot' && event.data.modality === request.modality,
        ),
      ),
    ),
  );
  protected readonly layout = signal<'list' | 'grid'>('list');
  protected readonly hits = computed(() => this.result()?.slots ?? []);
  protected readonly targetAt = computed(() => new Date(this.request().targetAt).getTime());

  protected async book(): Promise<void> {
    const appointment = await this.holds.complete((hold) => this.api.book(this.request().id, hold.hit.slotId, hold.key));
    if (appointment) this.booked.emit(appointment);
  }
}
