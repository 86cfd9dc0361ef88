import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import type { AccountSummary } from '@creneau/contracts';
import { catchError, map, of } from 'rxjs';
import { apiErrorMessage } from '../../api/api-error';
import { SessionStore } from '../../session/session-store';
import { TerritoryApi } from '../../territory/territory-api';
import { AccountFormComponent } from './account-form.component';
import { AccountStatusFormComponent } from './account-status-form.component';
import { AccountTableComponent } from './account-table.component';
import { AccountsApi } from './accounts-api';

/** The coordination's account management: who may sign in, with which role, for which centres. */
@Component({
  selector: 'cr-accounts-page',
  imports: [AccountTableComponent, AccountFormComponent, AccountStatusFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .columns {
      display: grid;
      grid-template-columns: minmax(0, 1fr) 22rem;
      gap: 1.5rem;
      align-items: start;
    }
  `,
  template: `
    <h1>Comptes</h1>
    <div class="columns">
      <section aria-labelledby="accounts-title">
        <h2 id="accounts-title">Comptes du territoire</h2>
        <p class="success" role="status">{{ notice() }}</p>
        @for (target of statusTargets(); track target.id) {
          <cr-account-status-form [account]="target" (changed)="replace($event)" (cancelled)="statusTarget.set(null)" />
        }
        @if (accounts(); as accounts) {
          <cr-account-table
            [accounts]="accounts"
            [centreNames]="centreNames()"
            [manageable]="manageable()"
            (statusChangeAsked)="statusTarget.set($event)"
          />
        } @else if (loadError(); as loadError) {
          <p class="error" role="alert">Les comptes n’ont pas pu être chargés. {{ loadError }}</p>
        } @else {
          <p>Chargement des comptes…</p>
        }
      </section>
      <section class="panel" aria-labelledby="new-account-title">
        <h2 id="new-account-title">Nouveau compte</h2>
        <cr-account-form [centres]="centres()" [mayCreateAdmins]="isAdmin()" (created)="add($event)" />
      </section>
    </div>
  `,
})
export class AccountsPageComponent {
  private readonly me = inject(SessionStore).account;

  protected readonly accounts = signal<AccountSummary[] | null>(null);
  protected readonly loadError = signal<string | null>(null);
  protected readonly notice = signal('');
  protected readonly statusTarget = signal<AccountSummary | null>(null);
  /** As a list tracked by id, so that choosing another account starts a fresh form. */
  protected readonly statusTargets = computed(() => {
    const target = this.statusTarget();
    return target ? [target] : [];
  });
  protected readonly centres = toSignal(
    inject(TerritoryApi)
      .list()
      .pipe(
        map((territories) => territories.flatMap((territory) => territory.centres)),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
  protected readonly centreNames = computed(() => new Map(this.centres().map((centre) => [centre.id, centre.name])));
  protected readonly isAdmin = computed(() => this.me()?.role === 'admin');
  /** Nobody disables themselves, and only an administrator manages administrators (the server's rules). */
  protected readonly manageable = computed(() => {
    const me = this.me();
    return (account: AccountSummary) => account.id !== me?.id && (account.role !== 'admin' || me?.role === 'admin');
  });

  constructor() {
    inject(AccountsApi)
      .list()
      .pipe(takeUntilDestroyed())
      .subscribe({
        next: (accounts) => this.accounts.set(accounts),
        error: (error: unknown) => this.loadError.set(apiErrorMessage(error)),
      });
  }

  protected add(account: AccountSummary): void {
    this.accounts.update((accounts) => [...(accounts ?? []), account].sort((a, b) => a.email.localeCompare(b.email)));
  }

  protected replace(account: AccountSummary): void {
    this.accounts.update((accounts) => accounts?.map((other) => (other.id === account.id ? account : other)) ?? null);
    this.statusTarget.set(null);
    this.notice.set(`Compte ${account.email} ${account.disabled ? 'désactivé' : 'réactivé'}.`);
  }
}
