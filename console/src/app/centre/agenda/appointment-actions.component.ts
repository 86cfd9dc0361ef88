import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { IMAGING_RESULT_LABELS, IMAGING_RESULTS, type AppointmentView } from '@creneau/contracts';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { AgendaApi, AppointmentAnswer } from './agenda-api';

const MINIMUM_REASON_LENGTH = 3;

/** The centre's answers on one appointment: confirm, refuse (with a reason), done (with the result), no-show. */
@Component({
  selector: 'cr-appointment-actions',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @switch (step()) {
      @case ('refuse') {
        <form class="answer" [formGroup]="refusal" (ngSubmit)="refuse()" (keydown.escape)="step.set('choose')" novalidate>
          <label [for]="'refuse-reason-' + appointment().id">Motif du refus</label>
          <input
            [id]="'refuse-reason-' + appointment().id"
            formControlName="reason"
            autocomplete="off"
            [attr.aria-invalid]="!!error()"
          />
          <fieldset class="choice">
            <legend>Le créneau</legend>
            <label><input type="radio" formControlName="slot" value="free" /> reste proposé</label>
            <label><input type="radio" formControlName="slot" value="withdraw" /> est retiré</label>
          </fieldset>
          <div class="actions">
            <button type="submit" class="danger small">Confirmer le refus</button>
            <button type="button" class="small" (click)="step.set('choose')">Annuler</button>
          </div>
        </form>
      }
      @case ('done') {
        <form class="answer" [formGroup]="result" (ngSubmit)="done()" (keydown.escape)="step.set('choose')" novalidate>
          <label [for]="'result-' + appointment().id">Résultat de l’imagerie</label>
          <select [id]="'result-' + appointment().id" formControlName="result">
            @for (result of results; track result) {
              <option [value]="result">{{ resultLabels[result] }}</option>
            }
          </select>
          <label [for]="'note-' + appointment().id">Note <span class="hint">facultatif</span></label>
          <input [id]="'note-' + appointment().id" formControlName="note" autocomplete="off" />
          <div class="actions">
            <button type="submit" class="primary small">Enregistrer le résultat</button>
            <button type="button" class="small" (click)="step.set('choose')">Annuler</button>
          </div>
        </form>
      }
      @default {
        <div class="actions">
          @if (appointment().status === 'booked') {
            <button
              type="button"
              class="primary small"
              [attr.aria-label]="'Confirmer le rendez-vous de ' + patient()"
              (click)="send({ kind: 'confirm' })"
            >
              Confirmer
            </button>
          }
          @if (live()) {
            <button
              type="button"
              class="small"
              [attr.aria-label]="'Refuser le rendez-vous de ' + patient()"
              (click)="step.set('refuse')"
            >
              Refuser
            </button>
            <button type="button" class="small" (click)="step.set('done')">Examen réalisé</button>
            <button type="button" class="small" (click)="send({ kind: 'no-show' })">Patient absent</button>
          }
        </div>
      }
    }
    @if (error(); as error) {
      <p class="error" role="alert">{{ error }}</p>
    }
  `,
})
export class AppointmentActionsComponent {
  readonly appointment = input.required<AppointmentView>();
  /** The patient's name, for the buttons' accessible names. */
  readonly patient = input('');
  readonly answered = output<AppointmentView>();

  private readonly api = inject(AgendaApi);
  private readonly fb = inject(FormBuilder).nonNullable;
  protected readonly results = IMAGING_RESULTS;
  protected readonly resultLabels = IMAGING_RESULT_LABELS;
  protected readonly step = signal<'choose' | 'refuse' | 'done'>('choose');
  protected readonly error = signal<string | null>(null);
  protected readonly refusal = this.fb.group({ reason: '', slot: 'free' as 'free' | 'withdraw' });
  protected readonly result = this.fb.group({ result: IMAGING_RESULTS[0] as (typeof IMAGING_RESULTS)[number], note: '' });
  protected readonly live = computed(() => ['booked', 'confirmed'].includes(this.appointment().status));

  protected refuse(): void {
    const { reason, slot } = this.refusal.getRawValue();
    if (reason.trim().length < MINIMUM_REASON_LENGTH) {
      this.error.set(`Indiquez le motif du refus (${MINIMUM_REASON_LENGTH} caractères au moins).`);
      return;
    }
    void this.send({ kind: 'refuse', reason: reason.trim(), slot });
  }

  protected done(): void {
    const { result, note } = this.result.getRawValue();
    void this.send({ kind: 'done', result, ...(note.trim() ? { note: note.trim() } : {}) });
  }

  protected async send(answer: AppointmentAnswer): Promise<void> {
    this.error.set(null);
    try {
      this.answered.emit(await firstValueFrom(this.api.answer(this.appointment().id, answer)));
      this.step.set('choose');
    } catch (error) {
      this.error.set(apiErrorMessage(error));
    }
  }
}
