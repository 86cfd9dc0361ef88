import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import {
  ApplicationConfig,
  inject,
  LOCALE_ID,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideEnvironmentInitializer,
} from '@angular/core';
import { registerLocaleData } from '@angular/common';
import localeFr from '@angular/common/locales/fr';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { appRoutes } from './app.routes';
import { LiveUpdates } from './live/live-updates';
import { sessionExpiryInterceptor } from './session/session-expiry.interceptor';
import { SessionStore } from './session/session-store';

registerLocaleData(localeFr);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    // The server's CSRF protection follows Angular's convention: XSRF-TOKEN cookie, X-XSRF-TOKEN header.
    provideHttpClient(
      withFetch(),
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      withInterceptors([sessionExpiryInterceptor]),
    ),
    // The guards decide on the session, so it is known before the first navigation.
    provideAppInitializer(() => inject(SessionStore).load()),
    // The live connection opens as soon as someone signs in: views opened once it is live need no second read.
    provideEnvironmentInitializer(() => void inject(LiveUpdates)),
    { provide: LOCALE_ID, useValue: 'fr-FR' },
  ],
};
