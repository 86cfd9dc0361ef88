import {
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
import { toSignal } from '@angular/core/rxjs-interop';
import { FormBuilder, ReactiveFormsModule } from '@angular/forms';
import { ROLE_LABELS, ROLES, type AccountSummary, type CentreSummary, type Role } from '@creneau/contracts';
import { firstValueFrom } from 'rxjs';
import { apiErrorMessage, apiFieldErrors } from '../../api/api-error';
import { MINIMUM_PASSWORD_LENGTH } from '../../session/password-policy';
import { AccountsApi, NewAccount } from './accounts-api';
import { checkNewAccount, NewAccountField } from './new-account-checks';

/** Creates an account: centre staff are bound to their centres, a requesting doctor gives an RPPS number. */
@Component({
  selector: 'cr-account-form',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './account-form.component.html',
})
export class AccountFormComponent {
  readonly centres = input.required<CentreSummary[]>();
  /** Only an administrator may create administrators. */
  readonly mayCreateAdmins = input(false);
  readonly created = output<AccountSummary>();

  private readonly api = inject(AccountsApi);
  private readonly emailInput = viewChild.required<ElementRef<HTMLInputElement>>('email');

  protected readonly minimumLength = MINIMUM_PASSWORD_LENGTH;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly roles = computed(() => ROLES.filter((role) => role !== 'admin' || this.mayCreateAdmins()));
  protected readonly form = inject(FormBuilder).nonNullable.group({
    email: '',
    displayName: '',
    role: 'secretariat' as Role,
    password: '',
    rpps: '',
  });
  protected readonly role = toSignal(this.form.controls.role.valueChanges, { initialValue: this.form.controls.role.value });
  protected readonly centreIds = signal<string[]>([]);
  protected readonly errors = signal<Partial<Record<NewAccountField, string>>>({});
  protected readonly outcome = signal<{ kind: 'success' | 'error'; text: string } | null>(null);
  protected readonly pending = signal(false);

  protected toggleCentre(id: string, checked: boolean): void {
    this.centreIds.update((ids) => (checked ? [...ids, id] : ids.filter((other) => other !== id)));
  }

  protected async submit(): Promise<void> {
    if (this.pending()) return;
    const account = this.newAccount();
    this.outcome.set(null);
    this.errors.set(checkNewAccount(account));
    if (Object.keys(this.errors()).length > 0) return;
    this.pending.set(true);
    try {
      const created = await firstValueFrom(this.api.create(account));
      this.created.emit(created);
      this.form.reset();
      this.centreIds.set([]);
      this.outcome.set({ kind: 'success', text: `Compte créé : ${created.email}.` });
      this.emailInput().nativeElement.focus();
    } catch (error) {
      const fields = apiFieldErrors(error);
      this.errors.set(Object.fromEntries(Object.entries(fields).map(([field, messages]) => [field, messages.join(', ')])));
      this.outcome.set({ kind: 'error', text: apiErrorMessage(error) });
    } finally {
      this.pending.set(false);
    }
  }

  /** Only the fields the role calls for: the server refuses centres or an RPPS on other roles. */
  private newAccount(): NewAccount {
    const { email, displayName, role, password, rpps } = this.form.getRawValue();
    return {
      email: email.trim(),
      displayName: displayName.trim(),
      role,
      password,
      ...(role === 'centre' ? { centreIds: this.centreIds() } : {}),
      ...(role === 'doctor' ? { rpps: rpps.trim() } : {}),
    };
  }
}
