import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { SessionStore } from './session-store';

/** The login page is for signed-out users: a signed-in one goes straight to their workspace. */
export const anonymousOnly: CanActivateFn = () => {
  const store = inject(SessionStore);
  return store.signedIn() ? inject(Router).parseUrl(store.homePath()) : true;
};
