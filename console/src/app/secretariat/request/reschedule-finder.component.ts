import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  computed,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import type { AppointmentView, RequestView, SlotSearchHit } from '@creneau/contracts';
import { catchError, combineLatest, map, of, switchMap } from 'rxjs';
import { AppointmentsApi } from '../../requests/follow-up/appointments-api';
import { TerritoryStore } from '../../territory/territory-store';
import { AtPipe } from '../../time/at.pipe';
import { BookingApi } from '../finder/booking-api';
import { SlotHolds } from '../finder/slot-holds';
import { SlotListComponent } from '../finder/slot-list.component';
import { slotQueryFor } from '../finder/slot-query';

/** The search's answer: the slots found, or why there are none to show. */
interface Searched {
  state: 'loading' | 'loaded' | 'error';
  slots: SlotSearchHit[];
}

/**
 * Moving a booked appointment: the free slots that fit the request (as the slot finder searches them), the one
 * chosen held while on the phone, then the move in one transaction (the old place is given back). Slots others hold
 * or take meanwhile grey out live, as in the slot finder.
 */
@Component({
  selector: 'cr-reschedule-finder',
  imports: [AtPipe, SlotListComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="panel reschedule" aria-labelledby="reschedule-title" (keydown.escape)="cancelled.emit()">
      <h3 id="reschedule-title">Déplacer le rendez-vous</h3>
      <p class="hint">
        Actuellement : {{ appointment().start | at: timeZone() : 'day-time' }} — {{ appointment().centreName }}. Choisissez un
        autre créneau ; l’ancien sera rendu.
      </p>
      <div aria-live="assertive">
        @if (holds.problem(); as problem) {
          <div class="error" role="alert">
            <p>{{ problem.text }}</p>
            @for (reason of problem.reasons; track reason) {
              <p>{{ reason }}</p>
            }
          </div>
        }
      </div>
      @if (holds.hold(); as held) {
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
            <button #moveButton type="button" class="primary" [attr.aria-busy]="holds.pending()" (click)="move()">
              Déplacer le rendez-vous ici
            </button>
            <button type="button" (click)="holds.release()">Relâcher</button>
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
            <cr-slot-list
              [hits]="hits()"
              [timeZone]="timeZone()"
              [taken]="holds.taken()"
              [heldElsewhere]="holds.heldElsewhere()"
              [heldSlotId]="holds.hold()?.hit?.slotId ?? null"
              action="Choisir"
              caption="Autres créneaux libres, du plus tôt au plus tard"
              (chosen)="holds.choose($event)"
            />
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

  protected readonly holds: SlotHolds = new SlotHolds(
    () => this.request().id,
    () => this.hits(),
  );
  protected readonly result = toSignal(
    combineLatest([toObservable(this.request), toObservable(this.holds.searchAgain)]).pipe(
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
  /** Why it moves; empty: the history says « Reprogrammé ». */
  protected readonly reason = signal('');

  private readonly moveButton = viewChild<ElementRef<HTMLButtonElement>>('moveButton');
  private focusedHold: string | null = null;

  constructor() {
    // Keyboard first: the move button takes the focus once a slot is held (the list focuses its first slot).
    afterRenderEffect(() => {
      const held = this.holds.hold();
      const move = this.moveButton();
      if (held && move && this.focusedHold !== held.hit.slotId) {
        this.focusedHold = held.hit.slotId;
        move.nativeElement.focus();
      }
    });
  }

  protected async move(): Promise<void> {
    if (!this.holds.hold() || this.holds.pending()) return;
    const reason = this.reason().trim();
    if (reason.length > 0 && reason.length < 3) {
      this.holds.problem.set({ kind: 'other', text: 'Motif trop court : 3 caractères au moins, ou rien.', reasons: [] });
      return;
    }
    const moved = await this.holds.complete((hold) =>
      this.appointments.reschedule(this.appointment().id, hold.hit.slotId, reason || undefined),
    );
    if (moved) this.moved.emit(moved);
  }
}
