import type { Role } from '@creneau/contracts';

/** Who is calling: resolved from the session by the access guard, then passed to services for scoping. */
export interface Actor {
  accountId: string;
  role: Role;
  displayName: string;
  /** Centres a centre-staff account works for; empty for every other role. */
  centreIds: string[];
  /** RPPS number of a requesting doctor. */
  rpps: string | null;
  sessionId: string;
}
