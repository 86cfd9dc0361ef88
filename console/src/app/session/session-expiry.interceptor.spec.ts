import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { sessionOf } from '../../testing/session-fixtures';
import { signIn } from '../../testing/sign-in';
import { sessionExpiryInterceptor } from './session-expiry.interceptor';

@Component({ template: '' })
class BlankComponent {}

describe('sessionExpiryInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;
  let router: Router;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: '**', component: BlankComponent }]),
        provideHttpClient(withInterceptors([sessionExpiryInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
    router = TestBed.inject(Router);
    await router.navigateByUrl('/coordination/comptes');
  });

  afterEach(() => http.verify());

  const unauthorized = { status: 401, statusText: 'Unauthorized' };

  it('on a 401, forgets the session and asks to sign in again, then to come back', async () => {
    const store = await signIn(sessionOf('coordinator'));
    const call = firstValueFrom(client.get('/api/accounts'));
    http.expectOne('/api/accounts').flush({ message: 'Connexion requise.' }, unauthorized);
    await expect(call).rejects.toMatchObject({ status: 401 });
    await new Promise((resolve) => setTimeout(resolve));
    expect(store.signedIn()).toBe(false);
    expect(router.url).toBe('/connexion?session=expiree&retour=%2Fcoordination%2Fcomptes');
  });

  it('leaves a failed login, and calls made while signed out, to their callers', async () => {
    const store = await signIn(null);
    const login = firstValueFrom(client.post('/api/auth/login', {}));
    http.expectOne('/api/auth/login').flush({ message: 'Identifiants invalides.' }, unauthorized);
    await expect(login).rejects.toMatchObject({ status: 401 });
    expect(store.signedIn()).toBe(false);
    expect(router.url).toBe('/coordination/comptes');
  });

  it('lets other errors through without touching the session', async () => {
    const store = await signIn(sessionOf('coordinator'));
    const call = firstValueFrom(client.get('/api/accounts'));
    http
      .expectOne('/api/accounts')
      .flush({ message: 'Votre rôle ne permet pas cette action.' }, { status: 403, statusText: 'Forbidden' });
    await expect(call).rejects.toMatchObject({ status: 403 });
    expect(store.signedIn()).toBe(true);
    expect(router.url).toBe('/coordination/comptes');
  });
});
