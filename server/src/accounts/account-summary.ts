import type { AccountSummary } from '@creneau/contracts';
import type { Account } from './account.entity';

export function toAccountSummary(account: Account): AccountSummary {
  return {
    id: account.id,
    email: account.email,
    displayName: account.displayName,
    role: account.role,
    centreIds: (account.centres ?? []).map((link) => link.centreId).sort(),
    rpps: account.rpps,
    disabled: account.disabledAt !== null,
    createdAt: account.createdAt.toISOString(),
  };
}
