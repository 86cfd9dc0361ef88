import {
  afterRenderEffect,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import type { AppointmentView, RequestView } from '@creneau/contracts';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage, apiFieldErrors } from '../../api/api-error';
import { AppointmentsApi } from '../../requests/follow-up/appointments-api';
import { RescheduleFinderComponent } from './reschedule-finder.component';

const MINIMUM_REASON_LENGTH = 3;

/** What the secretariat can still do with a booked or confirmed appointment: cancel it with a reason, or move it. */
@Component({
  selector: 'cr-appointment-follow-up',
  imports: [RescheduleFinderComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (step()) {
      @case ('cancel') {
        <form class="panel answer" (submit)="$event.preventDefault(); cancel()" (keydown.escape)="back()" novalidate>
          <h3>Annuler le rendez-vous</h3>
          <label for="cancel-reason">Motif de l’annulation</label>
          <input
            #reasonField
            id="cancel-reason"
            autocomplete="off"
            maxlength="500"
            [value]="reason()"
            [attr.aria-invalid]="!!error()"
            [attr.aria-describedby]="error() ? 'cancel-error' : null"
            (input)="reason.set(reasonField.value)"
          />
          <label class="check">
            <input type="checkbox" [checked]="closeRequest()" (change)="closeRequest.set(closeBox.checked)" #closeBox />
            Le patient n’a plus besoin de l’examen : clore la demande
          </label>
          <p class="hint">
            @if (closeRequest()) {
              La demande sera close ; le créneau est rendu.
            } @else {
              La demande revient dans la file « À programmer » ; le créneau est rendu.
            }
          </p>
          <div class="actions">
            <button type="submit" class="danger small" [attr.aria-busy]="pending()">Confirmer l’annulation</button>
            <button type="button" class="small" (click)="back()">Retour</button>
          </div>
          @if (error(); as error) {
            <p id="cancel-error" class="error" role="alert">{{ error }}</p>
          }
        </form>
      }
      @case ('reschedule') {
        <cr-reschedule-finder [request]="request()" [appointment]="appointment()" (moved)="moved($event)" (cancelled)="back()" />
      }
      @default {
        <div class="actions follow-up">
          <button #rescheduleButton type="button" class="small" (click)="open('reschedule')">Déplacer le rendez-vous</button>
          <button type="button" class="small" (click)="open('cancel')">Annuler le rendez-vous</button>
        </div>
      }
    }
  `,
})
export class AppointmentFollowUpComponent {
  readonly request = input.required<RequestView>();
  readonly appointment = input.required<AppointmentView>();
  /** The appointment after the change: cancelled, or the new one after a move. */
  readonly changed = output<AppointmentView>();

  private readonly api = inject(AppointmentsApi);
  protected readonly step = signal<'choose' | 'cancel' | 'reschedule'>('choose');
  protected readonly reason = signal('');
  protected readonly closeRequest = signal(false);
  protected readonly pending = signal(false);
  protected readonly error = signal<string | null>(null);

  private readonly reasonField = viewChild<ElementRef<HTMLInputElement>>('reasonField');
  private readonly rescheduleButton = viewChild<ElementRef<HTMLButtonElement>>('rescheduleButton');
  /** Whether the next render moves the focus (into the cancel form, or back on the actions). */
  private focusPending = false;

  constructor() {
    // The reason field takes the focus when the cancel form opens; coming back puts it on the actions again.
    afterRenderEffect(() => {
      const step = this.step();
      const field = this.reasonField();
      if (step === 'cancel' && field && this.focusPending) {
        this.focusPending = false;
        field.nativeElement.focus();
      }
      const button = this.rescheduleButton();
      if (step === 'choose' && button && this.focusPending) {
        this.focusPending = false;
        button.nativeElement.focus();
      }
    });
  }

  protected open(step: 'cancel' | 'reschedule'): void {
    this.focusPending = step === 'cancel';
    this.step.set(step);
  }

  protected back(): void {
    this.error.set(null);
    this.focusPending = true;
    this.step.set('choose');
  }

  /** Moved: the finder closes, the focus back on the actions, under the new appointment. */
  protected moved(appointment: AppointmentView): void {
    this.back();
    this.changed.emit(appointment);
  }

  protected async cancel(): Promise<void> {
    const reason = this.reason().trim();
    if (this.pending()) return;
    if (reason.length < MINIMUM_REASON_LENGTH) {
      this.error.set(`Indiquez le motif de l’annulation (${MINIMUM_REASON_LENGTH} caractères au moins).`);
      this.reasonField()?.nativeElement.focus();
      return;
    }
    this.error.set(null);
    this.pending.set(true);
    try {
      this.changed.emit(await firstValueFrom(this.api.cancel(this.appointment().id, reason, this.closeRequest())));
    } catch (error) {
      const fields = apiFieldErrors(error);
      this.error.set(fields['reason']?.join(', ') ?? apiErrorMessage(error));
    } finally {
      this.pending.set(false);
    }
  }
}
