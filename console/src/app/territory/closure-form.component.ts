import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { CentreSummary } from '@creneau/contracts';
import { isIsoDate } from '@creneau/domain';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage } from '../api/api-error';
import { endOfDay, startOfDay } from '../time/start-of-day';
import { appointmentsToMove } from './appointments-to-move';
import { TerritoryApi } from './territory-api';

const MINIMUM_REASON_LENGTH = 3;

/**
 * Closes a centre for whole days (works, holidays, a broken scanner): its slots are not offered then. Used by the
 * coordination for any centre and by centre staff for their own.
 */
@Component({
  selector: 'cr-closure-form',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="answer" [formGroup]="form" (ngSubmit)="close()" (keydown.escape)="cancelled.emit()" novalidate>
      <div class="field">
        <label [for]="'closure-from-' + centre().id">Du</label>
        <input [id]="'closure-from-' + centre().id" type="date" formControlName="from" />
      </div>
      <div class="field">
        <label [for]="'closure-to-' + centre().id">au (inclus)</label>
        <input [id]="'closure-to-' + centre().id" type="date" formControlName="to" />
      </div>
      <div class="field grow">
        <label [for]="'closure-reason-' + centre().id">Motif</label>
        <input [id]="'closure-reason-' + centre().id" formControlName="reason" autocomplete="off" />
      </div>
      <button type="submit" class="danger small">Fermer le centre</button>
      <button type="button" class="small" (click)="cancelled.emit()">Annuler</button>
      @if (error(); as error) {
        <p class="error" role="alert">{{ error }}</p>
      }
    </form>
  `,
})
export class ClosureFormComponent {
  readonly centre = input.required<CentreSummary>();
  readonly timeZone = input.required<string>();
  readonly closed = output<string>();
  readonly cancelled = output<void>();

  private readonly api = inject(TerritoryApi);
  protected readonly form = inject(FormBuilder).nonNullable.group({ from: '', to: '', reason: '' });
  protected readonly error = signal<string | null>(null);

  protected async close(): Promise<void> {
    const { from, to, reason } = this.form.getRawValue();
    if (!isIsoDate(from) || !isIsoDate(to) || to < from) {
      this.error.set('Indiquez le premier et le dernier jour de la fermeture.');
      return;
    }
    if (reason.trim().length < MINIMUM_REASON_LENGTH) {
      this.error.set(`Indiquez le motif (${MINIMUM_REASON_LENGTH} caractères au moins).`);
      return;
    }
    try {
      const closure = await firstValueFrom(
        this.api.closeCentre(this.centre().id, {
          from: startOfDay(from, this.timeZone()).toISOString(),
          to: endOfDay(to, this.timeZone()).toISOString(),
          reason: reason.trim(),
        }),
      );
      this.closed.emit(
        `${this.centre().name} fermé du ${from} au ${to} : ses créneaux ne sont pas proposés.` +
          appointmentsToMove(closure.appointments, this.timeZone()),
      );
    } catch (error) {
      this.error.set(apiErrorMessage(error));
    }
  }
}
