import type { AccountSummary, Role, SessionInfo } from '@creneau/contracts';

/** A demo-like account of the given role, for specs. */
export function accountOf(role: Role, overrides: Partial<AccountSummary> = {}): AccountSummary {
  return {
    id: `id-${role}`,
    email: `${role}@creneau.test`,
    displayName: `Compte ${role}`,
    role,
    centreIds: role === 'centre' ? ['c1'] : [],
    rpps: role === 'doctor' ? '10001234567' : null,
    disabled: false,
    createdAt: '2026-11-01T08:00:00.000Z',
    ...overrides,
  };
}

export function sessionOf(role: Role, overrides: Partial<AccountSummary> = {}): SessionInfo {
  return { account: accountOf(role, overrides), idleTimeoutMinutes: 30 };
}
