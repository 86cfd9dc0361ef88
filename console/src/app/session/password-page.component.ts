import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { apiErrorMessage, apiFieldErrors } from '../api/api-error';
import { MINIMUM_PASSWORD_LENGTH } from './password-policy';
import { SessionStore } from './session-store';

type Field = 'currentPassword' | 'newPassword' | 'confirmation';

/** Changing one's own password; the server then ends the user's other sessions. */
@Component({
  selector: 'cr-password-page',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .panel {
      max-width: 28rem;
    }
  `,
  template: `
    <h1>Mot de passe</h1>
    <form class="panel stacked" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <label for="current-password">Mot de passe actuel</label>
      <input
        id="current-password"
        type="password"
        formControlName="currentPassword"
        autocomplete="current-password"
        [attr.aria-invalid]="!!errors()['currentPassword']"
        aria-describedby="current-password-error"
      />
      <p id="current-password-error" class="field-error">{{ errors()['currentPassword'] }}</p>

      <label for="new-password">Nouveau mot de passe ({{ minimumLength }} caractères au moins)</label>
      <input
        id="new-password"
        type="password"
        formControlName="newPassword"
        autocomplete="new-password"
        [attr.aria-invalid]="!!errors()['newPassword']"
        aria-describedby="new-password-error"
      />
      <p id="new-password-error" class="field-error">{{ errors()['newPassword'] }}</p>

      <label for="confirmation">Confirmation du nouveau mot de passe</label>
      <input
        id="confirmation"
        type="password"
        formControlName="confirmation"
        autocomplete="new-password"
        [attr.aria-invalid]="!!errors()['confirmation']"
        aria-describedby="confirmation-error"
      />
      <p id="confirmation-error" class="field-error">{{ errors()['confirmation'] }}</p>

      @if (outcome(); as outcome) {
        <p [class]="outcome.kind" [attr.role]="outcome.kind === 'error' ? 'alert' : 'status'">{{ outcome.text }}</p>
      }
      <button type="submit" class="primary" [attr.aria-busy]="pending()">Changer le mot de passe</button>
    </form>
  `,
})
export class PasswordPageComponent {
  private readonly store = inject(SessionStore);

  protected readonly minimumLength = MINIMUM_PASSWORD_LENGTH;
  protected readonly form = inject(FormBuilder).nonNullable.group({ currentPassword: '', newPassword: '', confirmation: '' });
  protected readonly errors = signal<Partial<Record<Field, string>>>({});
  protected readonly outcome = signal<{ kind: 'success' | 'error'; text: string } | null>(null);
  protected readonly pending = signal(false);

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const { currentPassword, newPassword, confirmation } = this.form.getRawValue();
    this.outcome.set(null);
    this.errors.set(checkPasswords(currentPassword, newPassword, confirmation));
    if (Object.keys(this.errors()).length > 0) return;
    this.pending.set(true);
    try {
      await this.store.changePassword({ currentPassword, newPassword });
      this.form.reset();
      this.outcome.set({ kind: 'success', text: 'Mot de passe changé. Vos autres sessions ont été fermées.' });
    } catch (error) {
      const fields = apiFieldErrors(error);
      this.errors.set({
        ...(fields['currentPassword'] ? { currentPassword: 'Mot de passe actuel incorrect.' } : {}),
        ...(fields['newPassword'] ? { newPassword: fields['newPassword'].join(', ') } : {}),
      });
      this.outcome.set({ kind: 'error', text: apiErrorMessage(error) });
    } finally {
      this.pending.set(false);
    }
  }
}

function checkPasswords(current: string, next: string, confirmation: string): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  if (!current) errors.currentPassword = 'Saisissez votre mot de passe actuel.';
  if (next.length < MINIMUM_PASSWORD_LENGTH) errors.newPassword = `Au moins ${MINIMUM_PASSWORD_LENGTH} caractères.`;
  else if (next === current) errors.newPassword = 'Le nouveau mot de passe doit différer de l’actuel.';
  if (confirmation !== next) errors.confirmation = 'La confirmation ne correspond pas au nouveau mot de passe.';
  return errors;
}
