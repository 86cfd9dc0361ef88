import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { ROLES, type Role } from '@creneau/contracts';
import { SessionStore } from './session-store';
import { LOGIN_PATH } from './workspace-paths';

/**
 * Lets through the signed-in users with one of these roles. Anonymous users go to the login page, which
 * brings them back here afterwards; users of another role go to their own workspace.
 */
export function requireRole(...roles: Role[]): CanActivateFn {
  return (_route, state) => {
    const store = inject(SessionStore);
    const router = inject(Router);
    const account = store.account();
    if (!account) return router.createUrlTree([LOGIN_PATH], { queryParams: { retour: state.url } });
    return roles.includes(account.role) ? true : router.parseUrl(store.homePath());
  };
}

/** Any signed-in user. */
export const requireSession: CanActivateFn = requireRole(...ROLES);
