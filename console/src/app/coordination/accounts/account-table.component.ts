import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ROLE_LABELS, type AccountSummary } from '@creneau/contracts';

/** Every account with its role, where it works and whether it may sign in. */
@Component({
  selector: 'cr-account-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table class="data">
      <thead>
        <tr>
          <th scope="col">E-mail</th>
          <th scope="col">Nom</th>
          <th scope="col">Rôle</th>
          <th scope="col">Rattachement</th>
          <th scope="col">État</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        @for (account of accounts(); track account.id) {
          <tr [class.disabled]="account.disabled">
            <td>{{ account.email }}</td>
            <td>{{ account.displayName }}</td>
            <td>{{ roleLabels[account.role] }}</td>
            <td>{{ attachment(account) }}</td>
            <td>
              <span class="state" [class.off]="account.disabled">{{ account.disabled ? 'Désactivé' : 'Actif' }}</span>
            </td>
            <td>
              @if (manageable()(account)) {
                <button
                  type="button"
                  class="small"
                  [attr.aria-label]="(account.disabled ? 'Réactiver le compte ' : 'Désactiver le compte ') + account.email"
                  (click)="statusChangeAsked.emit(account)"
                >
                  {{ account.disabled ? 'Réactiver' : 'Désactiver' }}
                </button>
              }
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="6">Aucun compte.</td>
          </tr>
        }
      </tbody>
    </table>
  `,
})
export class AccountTableComponent {
  readonly accounts = input.required<AccountSummary[]>();
  /** Centre names by id, to show where centre staff work. */
  readonly centreNames = input.required<ReadonlyMap<string, string>>();
  /** Whether the signed-in user may disable or enable this account. */
  readonly manageable = input.required<(account: AccountSummary) => boolean>();
  readonly statusChangeAsked = output<AccountSummary>();

  protected readonly roleLabels = ROLE_LABELS;

  protected attachment(account: AccountSummary): string {
    if (account.rpps) return `RPPS ${account.rpps}`;
    return account.centreIds.map((id) => this.centreNames().get(id) ?? 'centre inconnu').join(', ') || '—';
  }
}
