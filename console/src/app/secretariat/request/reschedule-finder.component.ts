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
import { catchError, combineLatest, firstValueFrom, map, of, switchMap } from 'rxjs';
import { AppointmentsApi } from '../../requests/follow-up/appointments-api';
import { TerritoryStore } from '../../territory/territory-store';
import { AtPipe } from '../../time/at.pipe';
import { BookingApi } from '../finder/booking-api';
import { BookingProblem, bookingProblem } from '../finder/booking-problem';
import { slotQueryFor } from '../finder/slot-query';

/** The search's answer: the slots found, or why there are none to show. */
interface Searched {
  state: 'loading' | 'loaded' | 'error';
  slots: SlotSearchHit[];
}

interface Held {
  hit: SlotSearchHit;
  expiresAt: string;
}

/**
 * Moving a booked appointment: the free slots that fit the request (as the slot finder searches them), the one
 * chosen held while on the phone, then the move in one transaction (the old place is given back).
 */
@Component({
  selector: 'cr-reschedule-finder',
  imports: [AtPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel reschedule" aria-labelledby="reschedule-title" (keydown.escape)="cancelled.emit()">
      <h3 id="reschedule-title">Déplacer le rendez-vous</h3>
      <p class="hint">
        Actuellement : {{ appointment().start | at: timeZone() : 'day-time' }} — {{ appointment().centreName }}. Choisissez un
        autre créneau ; l’ancien sera rendu.
      </p>
      <div aria-live="assertive">
        @if (problem(); as problem) {
          <div class="error" role="alert">
            <p>{{ problem.text }}</p>
            @for (reason of problem.reasons; track reason) {
              <p>{{ reason }}</p>
            }
          </div>
        }
      </div>
      @if (held(); as held) {
        <div class="hold">
          <p>
            Nouveau créneau retenu : <strong>{{ held.hit.start | at: timeZone() : 'long' }}</strong> —
            {{ held.hit.centreName }} ({{ held.hit.city }})
          </p>
          <label class="reason">
            Motif du déplacement (facultatif)
            <input
              type="text"
              maxlength="500"
              placeholder="ex. : la patiente ne peut pas venir le matin"
              [value]="reason()"
              (input)="reason.set($any($event.target).value)"
            />
          </label>
          <div class="actions">
            <button #moveButton type="button" class="primary" [attr.aria-busy]="pending()" (click)="move()">
              Déplacer le rendez-vous ici
            </button>
            <button type="button" (click)="release()">Relâcher</button>
          </div>
        </div>
      }
      @switch (result().state) {
        @case ('loading') {
          <p>Recherche des créneaux…</p>
        }
        @case ('error') {
          <p class="error" role="alert">Les créneaux n’ont pas pu être cherchés.</p>
        }
        @case ('loaded') {
          @if (hits().length === 0) {
            <p class="notice">Aucun autre créneau libre ne convient avant le délai maximal.</p>
          } @else {
            <table class="data slots">
              <caption class="visually-hidden">
                Autres créneaux libres, du plus tôt au plus tard
              </caption>
              <thead>
                <tr>
                  <th scope="col">Date et heure</th>
                  <th scope="col">Centre</th>
                  <th scope="col">Secteur</th>
                  <th scope="col"><span class="visually-hidden">Action</span></th>
                </tr>
              </thead>
              <tbody>
                @for (hit of hits(); track hit.slotId) {
                  <tr [class.taken]="taken().has(hit.slotId)" [class.held]="held()?.hit?.slotId === hit.slotId">
                    <td class="nowrap">
                      {{ hit.start | at: timeZone() : 'day-time' }} <span class="details">{{ hit.durationMinutes }} min</span>
                    </td>
                    <td>
                      {{ hit.centreName }} <span class="details">{{ hit.city }}</span>
                    </td>
                    <td>{{ hit.sector === 'public' ? 'Public' : 'Privé' }}</td>
                    <td>
                      @if (taken().has(hit.slotId)) {
                        <span class="details">Pris</span>
                      } @else if (hit.placesLeft === 0) {
                        <span class="details">Retenu par un autre secrétariat</span>
                      } @else {
                        <button
                          #chooseButton
                          type="button"
                          class="small"
                          [disabled]="held()?.hit?.slotId === hit.slotId"
                          [attr.aria-label]="'Choisir ' + (hit.start | at: timeZone() : 'day-time') + ', ' + hit.centreName"
                          (click)="choose(hit)"
                        >
                          Choisir
                        </button>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          }
        }
      }
      <p><button type="button" class="small" (click)="cancelled.emit()">Ne pas déplacer</button></p>
    </section>
  `,
})
export class RescheduleFinderComponent {
  readonly request = input.required<RequestView>();
  readonly appointment = input.required<AppointmentView>();
  /** The new appointment, once moved. */
  readonly moved = output<AppointmentView>();
  readonly cancelled = output<void>();

  private readonly booking = inject(BookingApi);
  private readonly appointments = inject(AppointmentsApi);
  protected readonly timeZone = inject(TerritoryStore).timeZone;

  private readonly refresh = signal(0);
  protected readonly result = toSignal(
    combineLatest([toObservable(this.request), toObservable(this.refresh)]).pipe(
      switchMap(([request]) =>
        this.booking.search(slotQueryFor(request, new Date())).pipe(
          map((found): Searched => ({ state: 'loaded', slots: found.slots })),
          catchError(() => of<Searched>({ state: 'error', slots: [] })),
        ),
      ),
    ),
    { initialValue: { state: 'loading', slots: [] } as Searched },
  );
  /** Every slot found but the appointment's own. */
  protected readonly hits = computed(() => this.result().slots.filter((hit) => hit.slotId !== this.appointment().slotId));
  protected readonly taken = signal<ReadonlySet<string>>(new Set());
  protected readonly held = signal<Held | null>(null);
  protected readonly pending = signal(false);
  protected readonly problem = signal<BookingProblem | null>(null);
  /** Why it moves; empty: the history says « Reprogrammé ». */
  protected readonly reason = signal('');

  private readonly chooseButtons = viewChildren<ElementRef<HTMLButtonElement>>('chooseButton');
  private readonly moveButtons = viewChildren<ElementRef<HTMLButtonElement>>('moveButton');
  private focusedList = false;
  private focusedHold: string | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      const held = this.held();
      if (held) void this.booking.releaseQuietly(held.hit.slotId);
    });
    // Keyboard first: the first slot takes the focus when the list shows, the move button once a slot is held.
    afterRenderEffect(() => {
      const held = this.held();
      const move = this.moveButtons()[0];
      if (held && move && this.focusedHold !== held.hit.slotId) {
        this.focusedHold = held.hit.slotId;
        move.nativeElement.focus();
        return;
      }
      const first = this.chooseButtons()[0];
      if (first && !this.focusedList && !held) {
        this.focusedList = true;
        first.nativeElement.focus();
      }
    });
  }

  protected async choose(hit: SlotSearchHit): Promise<void> {
    if (this.pending()) return;
    this.problem.set(null);
    this.pending.set(true);
    try {
      const previous = this.held();
      if (previous && previous.hit.slotId !== hit.slotId) await this.booking.releaseQuietly(previous.hit.slotId);
      const hold = await firstValueFrom(this.booking.hold(hit.slotId, this.request().id));
      this.held.set({ hit, expiresAt: hold.expiresAt });
    } catch (error) {
      this.held.set(null);
      this.fail(hit, bookingProblem(error));
    } finally {
      this.pending.set(false);
    }
  }

  protected async move(): Promise<void> {
    const held = this.held();
    if (!held || this.pending()) return;
    const reason = this.reason().trim();
    if (reason.length > 0 && reason.length < 3) {
      this.problem.set({ kind: 'other', text: 'Motif trop court : 3 caractères au moins, ou rien.', reasons: [] });
      return;
    }
    this.problem.set(null);
    this.pending.set(true);
    try {
      const moved = await firstValueFrom(
        this.appointments.reschedule(this.appointment().id, held.hit.slotId, reason || undefined),
      );
      this.held.set(null);
      this.moved.emit(moved);
    } catch (error) {
      const problem = bookingProblem(error);
      if (problem.kind !== 'other') this.held.set(null);
      this.fail(held.hit, problem);
    } finally {
      this.pending.set(false);
    }
  }

  protected async release(): Promise<void> {
    const held = this.held();
    if (!held) return;
    this.held.set(null);
    await this.booking.releaseQuietly(held.hit.slotId);
  }

  private fail(hit: SlotSearchHit, problem: BookingProblem): void {
    this.problem.set(problem);
    if (problem.kind === 'taken') {
      this.taken.update((taken) => new Set(taken).add(hit.slotId));
      this.refresh.update((n) => n + 1);
    }
  }
}
