import type { Role } from './role';

/** An account as the API shows it: never its password hash. */
export interface AccountSummary {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  centreIds: string[];
  rpps: string | null;
  disabled: boolean;
  createdAt: string;
}

/** The signed-in caller, from `GET /api/auth/me` and `POST /api/auth/login`. */
export interface SessionInfo {
  account: AccountSummary;
  /** Minutes of inactivity after which the session ends. */
  idleTimeoutMinutes: number;
}

export interface LoginRequest {
  email: string;
  password: string;
}
