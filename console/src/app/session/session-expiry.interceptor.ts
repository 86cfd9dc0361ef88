import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { LOGIN_URL, LOGOUT_URL } from './session-api';
import { SessionStore } from './session-store';
import { LOGIN_PATH } from './workspace-paths';

/** Their 401 means a wrong password or a session already gone, never an expiry to announce. */
const EXEMPT_URLS = [LOGIN_URL, LOGOUT_URL];

/**
 * A 401 while we believe we are signed in means the server ended the session (idle timeout, account
 * disabled, password changed elsewhere): forget it and send the user to sign in again, then back here.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const store = inject(SessionStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !EXEMPT_URLS.includes(request.url) && store.signedIn()) {
        const retour = router.url;
        store.clear();
        void router.navigate([LOGIN_PATH], { queryParams: { session: 'expiree', retour } });
      }
      return throwError(() => error);
    }),
  );
};
