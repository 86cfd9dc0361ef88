import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChildren,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AppointmentView, RequestView, SlotSearchHit } from '@creneau/contracts';
import { combineLatest, firstValueFrom, switchMap } from 'rxjs';
import { LiveUpdates } from '../../live/live-updates';
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
      switchMap(([request]) => this.live.watch('slots', () => this.api.search(slotQueryFor(request, new Date())))),
    ),
  );
  protected readonly layout = signal<'list' | 'grid'>('list');
  /** Slots someone else took or holds, greyed out until the next reads drop them. */
  protected readonly taken = signal<ReadonlySet<string>>(new Set());
  protected readonly hold = signal<Hold | null>(null);
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
      if (hold) void this.releaseQuietly(hold.hit.slotId);
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
    try {
      const previous = this.hold();
      if (previous && previous.hit.slotId !== hit.slotId) await this.releaseQuietly(previous.hit.slotId);
      const held = await firstValueFrom(this.api.hold(hit.slotId, this.request().id));
      this.hold.set({ hit, expiresAt: held.expiresAt, key: crypto.randomUUID() });
    } catch (error) {
      this.hold.set(null);
      this.fail(hit, bookingProblem(error));
    } finally {
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
    await this.releaseQuietly(hold.hit.slotId);
  }

  private fail(hit: SlotSearchHit, problem: BookingProblem): void {
    this.problem.set(problem);
    if (problem.kind === 'taken') {
      this.taken.update((taken) => new Set(taken).add(hit.slotId));
      this.refresh.update((n) => n + 1);
    }
  }

  /** A hold left behind expires by itself within minutes: a failed release is no reason to stop the call. */
  private async releaseQuietly(slotId: string): Promise<void> {
    try {
      await firstValueFrom(this.api.release(slotId));
    } catch {
      // it expires on its own
    }
  }
}
