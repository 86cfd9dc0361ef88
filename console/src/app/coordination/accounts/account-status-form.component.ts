import {
  afterNextRender,
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
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import type { AccountSummary } from '@creneau/contracts';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { AccountsApi } from './accounts-api';

const MINIMUM_REASON_LENGTH = 3;

/** Disables or enables one account; the reason is mandatory, for the audit trail. */
@Component({
  selector: 'cr-account-status-form',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form
      class="panel stacked status-change"
      [formGroup]="form"
      (ngSubmit)="submit()"
      (keydown.escape)="cancelled.emit()"
      novalidate
    >
      <h3>{{ disabling() ? 'Désactiver' : 'Réactiver' }} le compte {{ account().email }}</h3>
      @if (disabling()) {
        <p>Ses sessions ouvertes sont fermées aussitôt ; il ne peut plus se connecter.</p>
      }
      <label for="status-reason">Motif (obligatoire)</label>
      <input
        #reason
        id="status-reason"
        formControlName="reason"
        autocomplete="off"
        [attr.aria-invalid]="!!error()"
        aria-describedby="status-reason-error"
      />
      <p id="status-reason-error" class="field-error" [attr.role]="error() ? 'alert' : null">{{ error() }}</p>
      <div class="actions">
        <button type="submit" [class]="disabling() ? 'danger' : 'primary'" [attr.aria-busy]="pending()">
          {{ disabling() ? 'Confirmer la désactivation' : 'Confirmer la réactivation' }}
        </button>
        <button type="button" (click)="cancelled.emit()">Annuler</button>
      </div>
    </form>
  `,
})
export class AccountStatusFormComponent {
  readonly account = input.required<AccountSummary>();
  readonly changed = output<AccountSummary>();
  readonly cancelled = output<void>();

  private readonly api = inject(AccountsApi);
  private readonly reasonInput = viewChild.required<ElementRef<HTMLInputElement>>('reason');

  protected readonly disabling = computed(() => !this.account().disabled);
  protected readonly form = inject(FormBuilder).nonNullable.group({ reason: '' });
  protected readonly error = signal<string | null>(null);
  protected readonly pending = signal(false);

  constructor() {
    afterNextRender(() => this.reasonInput().nativeElement.focus());
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const reason = this.form.controls.reason.value.trim();
    if (reason.length < MINIMUM_REASON_LENGTH) {
      this.error.set(`Indiquez le motif (${MINIMUM_REASON_LENGTH} caractères au moins).`);
      return;
    }
    this.pending.set(true);
    this.error.set(null);
    try {
      this.changed.emit(await firstValueFrom(this.api.update(this.account().id, { disabled: this.disabling(), reason })));
    } catch (error) {
      this.error.set(apiErrorMessage(error));
    } finally {
      this.pending.set(false);
    }
  }
}
