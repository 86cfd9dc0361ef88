import { computed, DestroyRef, effect, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import type { LiveSlotEvent, SlotSearchHit } from '@creneau/contracts';
import { filter, firstValueFrom, Observable, scan } from 'rxjs';
import { LiveUpdates } from '../../live/live-updates';
import { noPlaceUntil, withSlotEvent } from '../../live/slot-availability';
import { BookingApi } from './booking-api';
import { BookingProblem, bookingProblem } from './booking-problem';

export interface Hold {
  hit: SlotSearchHit;
  expiresAt: string;
  /** The booking attempt's Idempotency-Key: kept across retries of this attempt, new for the next hold. */
  key: string;
}

const NO_EVENT: ReadonlyMap<string, LiveSlotEvent> = new Map();

/**
 * A finder's slot held while on the phone, and the slots of its list that others hold or took, greyed out live:
 * from the search, from a refusal (409), and at once from other consoles' live events. The secretary's own hold never
 * greys out; one left behind is given back when the finder goes. Made in the finder's injection context, with the
 * request being booked and the slots its search found.
 */
export class SlotHolds {
  private readonly api = inject(BookingApi);
  private readonly live = inject(LiveUpdates);

  private readonly held = signal<Hold | null>(null);
  readonly hold = this.held.asReadonly();
  private readonly busy = signal(false);
  /** A hold, a booking or a move is under way. */
  readonly pending = this.busy.asReadonly();
  readonly problem = signal<BookingProblem | null>(null);
  private readonly refused = signal(0);
  /** Moves on after a refusal (409): the finder searches again. */
  readonly searchAgain = this.refused.asReadonly();

  /** The latest live state of each slot: a slot held or booked elsewhere greys out at once, before any new search. */
  private readonly liveSlots = toSignal(
    this.live.events.pipe(
      filter((event): event is LiveSlotEvent => event.entity === 'slot'),
      scan(withSlotEvent, NO_EVENT),
    ),
    { initialValue: NO_EVENT },
  );
  /** Slots this finder was told are taken (409), when no live event says more. */
  private readonly conflicts = signal<ReadonlySet<string>>(new Set());
  /** Moves on when a hold seen elsewhere ends (no event says so). */
  private readonly now = signal(Date.now());
  /** The slot being held by this secretary, before the server's answer: her own hold never greys it out. */
  private readonly choosing = signal<string | null>(null);
  /** Until when (epoch ms; Infinity: for good) each slot someone else took or holds has no place for this secretary. */
  private readonly noPlace = computed<ReadonlyMap<string, number>>(() => {
    const now = this.now();
    const live = this.liveSlots();
    const until = new Map<string, number>();
    // The latest event of a slot says more than the search or a refusal, both read before it.
    for (const slotId of this.conflicts()) if (!live.has(slotId)) until.set(slotId, Infinity);
    for (const hit of this.hits()) if (!live.has(hit.slotId) && heldUntil(hit) > now) until.set(hit.slotId, heldUntil(hit));
    for (const [slotId, event] of live) if (noPlaceUntil(event.data) > now) until.set(slotId, noPlaceUntil(event.data));
    for (const mine of [this.held()?.hit.slotId, this.choosing()]) if (mine) until.delete(mine);
    return until;
  });
  /** Slots someone else took or holds: greyed out (booked ones then leave with the next search). */
  readonly taken = computed<ReadonlySet<string>>(() => new Set(this.noPlace().keys()));
  /** Of those, the slots only held by other secretaries: they come back when those holds end. */
  readonly heldElsewhere = computed<ReadonlySet<string>>(
    () => new Set([...this.noPlace()].filter(([, until]) => Number.isFinite(until)).map(([slotId]) => slotId)),
  );

  constructor(
    private readonly requestId: () => string,
    private readonly hits: () => readonly SlotSearchHit[],
  ) {
    // A slot still held when the secretary leaves goes back at once rather than when the hold expires.
    inject(DestroyRef).onDestroy(() => {
      const hold = this.held();
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
  }

  /** Holds the slot for this secretary, giving back the one held before. */
  async choose(hit: SlotSearchHit): Promise<void> {
    if (this.busy()) return;
    this.problem.set(null);
    this.busy.set(true);
    this.choosing.set(hit.slotId);
    try {
      const previous = this.held();
      if (previous && previous.hit.slotId !== hit.slotId) await this.api.releaseQuietly(previous.hit.slotId);
      const held = await firstValueFrom(this.api.hold(hit.slotId, this.requestId()));
      this.held.set({ hit, expiresAt: held.expiresAt, key: crypto.randomUUID() });
    } catch (error) {
      this.held.set(null);
      this.fail(hit, bookingProblem(error));
    } finally {
      this.choosing.set(null);
      this.busy.set(false);
    }
  }

  /**
   * Takes the held slot for good with `take` (booking it, moving an appointment there): its answer, or null when
   * nothing is held or it failed, the problem then told. A refusal ends the hold; a failure without an answer keeps it,
   * to be tried again.
   */
  async complete<T>(take: (hold: Hold) => Observable<T>): Promise<T | null> {
    const hold = this.held();
    if (!hold || this.busy()) return null;
    this.problem.set(null);
    this.busy.set(true);
    try {
      const taken = await firstValueFrom(take(hold));
      this.held.set(null);
      return taken;
    } catch (error) {
      const problem = bookingProblem(error);
      if (problem.kind !== 'other') this.held.set(null);
      this.fail(hold.hit, problem);
      return null;
    } finally {
      this.busy.set(false);
    }
  }

  async release(): Promise<void> {
    const hold = this.held();
    if (!hold) return;
    this.held.set(null);
    await this.api.releaseQuietly(hold.hit.slotId);
  }

  private fail(hit: SlotSearchHit, problem: BookingProblem): void {
    this.problem.set(problem);
    if (problem.kind === 'taken') {
      this.conflicts.update((conflicts) => new Set(conflicts).add(hit.slotId));
      this.refused.update((n) => n + 1);
    }
  }
}

/** Until when the search found the slot held in full by other secretaries (0: it was not). */
function heldUntil(hit: SlotSearchHit): number {
  return hit.heldUntil ? Date.parse(hit.heldUntil) : 0;
}
