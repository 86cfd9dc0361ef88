import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChildren,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AppointmentView, LiveEvent, LiveSlotEvent, RequestView, SlotSearchHit } from '@creneau/contracts';
import { combineLatest, filter, firstValueFrom, scan, switchMap } from 'rxjs';
import { LiveUpdates } from '../../live/live-updates';
import { noPlaceUntil, withSlotEvent } from '../../live/slot-availability';
import { TerritoryStore } from '../../territory/territory-store';
import { AtPipe } from '../../time/at.pipe';
import { BookingApi } from './booking-api';
import { BookingProblem, bookingProblem } from './booking-problem';
import { DayGridComponent } from './day-grid.component';
import { HoldPanelComponent } from './hold-panel.component';
import { slotQueryFor } from './slot-query';

interface Hold {
  hit: SlotSearchHit;
  expiresAt: string;
  /** The booking attempt's Idempotency-Key: kept across retries of this attempt, new for the next hold. */
  key: string;
}

/**
 * Every free slot that fits a bookable request, kept up to date while on the phone: as a ranked list (earliest
 * first) or a grid by centre and day. Choosing one holds it; booking it ends with what to read back to the GP.
 */
@Component({
  selector: 'cr-slot-finder',
  imports: [AtPipe, DayGridComponent, HoldPanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './slot-finder.component.html',
})
export class SlotFinderComponent {
  readonly request = input.required<RequestView>();
  readonly booked = output<AppointmentView>();

  private readonly api = inject(BookingApi);
  private readonly live = inject(LiveUpdates);
  protected readonly timeZone = inject(TerritoryStore).timeZone;

  private readonly refresh = signal(0);
  protected readonly result = toSignal(
    combineLatest([toObservable(this.request), toObservable(this.refresh)]).pipe(
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
  /** The latest live state of each slot: a slot held or booked elsewhere greys out at once, before any new search. */
  private readonly liveSlots = toSignal(
    this.live.events.pipe(
      filter((event): event is LiveSlotEvent => event.entity === 'slot'),
      scan(withSlotEvent, new Map<string, LiveSlotEvent>() as ReadonlyMap<string, LiveSlotEvent>),
    ),
    { initialValue: new Map<string, LiveSlotEvent>() as ReadonlyMap<string, LiveSlotEvent> },
  );
  /** Slots this finder was told are taken (409), when no live event says more. */
  private readonly conflicts = signal<ReadonlySet<string>>(new Set());
  /** Moves on when a hold seen elsewhere ends (no event says so). */
  private readonly now = signal(Date.now());
  protected readonly hold = signal<Hold | null>(null);
  /** The slot being held by this secretary, before the server's answer: her own hold never greys it out. */
  private readonly choosing = signal<string | null>(null);
  /** Slots someone else took or holds: greyed out (booked ones then leave with the next search). */
  protected readonly taken = computed<ReadonlySet<string>>(() => {
    const now = this.now();
    const live = this.liveSlots();
    // The latest event of a slot says more than the search or a refusal, both read before it.
    const taken = new Set([...this.conflicts()].filter((slotId) => !live.has(slotId)));
    for (const hit of this.hits()) if (!live.has(hit.slotId) && heldUntil(hit) > now) taken.add(hit.slotId);
    for (const [slotId, event] of live) if (noPlaceUntil(event.data) > now) taken.add(slotId);
    for (const mine of [this.hold()?.hit.slotId, this.choosing()]) if (mine) taken.delete(mine);
    return taken;
  });
  protected readonly pending = signal(false);
  protected readonly problem = signal<BookingProblem | null>(null);
  protected readonly hits = computed(() => this.result()?.slots ?? []);
  protected readonly targetAt = computed(() => new Date(this.request().targetAt).getTime());

  private readonly holdButtons = viewChildren<ElementRef<HTMLButtonElement>>('holdButton');
  private focused = false;

  constructor() {
    // A slot still held when the secretary leaves goes back at once rather than when the hold expires.
    inject(DestroyRef).onDestroy(() => {
      const hold = this.hold();
      if (hold) void this.api.releaseQuietly(hold.hit.slotId);
    });
    // A slot held elsewhere comes back when that hold ends.
    effect((onCleanup) => {
      const now = this.now();
      const ends = [
        ...[...this.liveSlots().values()].map((event) => noPlaceUntil(event.data)),
        ...this.hits().map(heldUntil),
      ].filter((end) => end > now);
      const next = Math.min(...ends.filter(Number.isFinite));
      if (!Number.isFinite(next)) return;
      const timer = setTimeout(() => this.now.set(Date.now()), next - Date.now() + 100);
      onCleanup(() => clearTimeout(timer));
    });
    // The list's first slot takes the focus once, when it first shows: Enter holds it.
    afterRenderEffect(() => {
      const button = this.holdButtons()[0];
      if (button && !this.focused && !this.hold()) {
        this.focused = true;
        button.nativeElement.focus();
      }
    });
  }

  protected afterTarget(hit: SlotSearchHit): boolean {
    return new Date(hit.start).getTime() > this.targetAt();
  }

  protected async choose(hit: SlotSearchHit): Promise<void> {
    if (this.pending()) return;
    this.problem.set(null);
    this.pending.set(true);
    this.choosing.set(hit.slotId);
    try {
      const previous = this.hold();
      if (previous && previous.hit.slotId !== hit.slotId) await this.api.releaseQuietly(previous.hit.slotId);
      const held = await firstValueFrom(this.api.hold(hit.slotId, this.request().id));
      this.hold.set({ hit, expiresAt: held.expiresAt, key: crypto.randomUUID() });
    } catch (error) {
      this.hold.set(null);
      this.fail(hit, bookingProblem(error));
    } finally {
      this.choosing.set(null);
      this.pending.set(false);
    }
  }

  protected async book(): Promise<void> {
    const hold = this.hold();
    if (!hold || this.pending()) return;
    this.problem.set(null);
    this.pending.set(true);
    try {
      const appointment = await firstValueFrom(this.api.book(this.request().id, hold.hit.slotId, hold.key));
      this.hold.set(null);
      this.booked.emit(appointment);
    } catch (error) {
      const problem = bookingProblem(error);
      // A failure without an answer may be retried with the same key; a refusal ends this attempt.
      if (problem.kind !== 'other') this.hold.set(null);
      this.fail(hold.hit, problem);
    } finally {
      this.pending.set(false);
    }
  }

  protected async release(): Promise<void> {
    const hold = this.hold();
    if (!hold) return;
    this.hold.set(null);
    await this.api.releaseQuietly(hold.hit.slotId);
  }

  private fail(hit: SlotSearchHit, problem: BookingProblem): void {
    this.problem.set(problem);
    if (problem.kind === 'taken') {
      this.conflicts.update((conflicts) => new Set(conflicts).add(hit.slotId));
      this.refresh.update((n) => n + 1);
    }
  }
}

/** Until when the search found the slot held in full by other secretaries (0: it was not). */
function heldUntil(hit: SlotSearchHit): number {
  return hit.heldUntil ? Date.parse(hit.heldUntil) : 0;
}
