import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { sessionOf } from '../../testing/session-fixtures';
import { SessionStore } from './session-store';

describe('SessionStore', () => {
  let store: SessionStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(SessionStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const flushed = async <T>(
    promise: Promise<T>,
    url: string,
    answer: (r: ReturnType<HttpTestingController['expectOne']>) => void,
  ) => {
    answer(http.expectOne(url));
    return promise;
  };

  it('starts from the server’s answer to /api/auth/me and sends each role to its workspace', async () => {
    await flushed(store.load(), '/api/auth/me', (r) => r.flush(sessionOf('centre')));
    expect(store.signedIn()).toBe(true);
    expect(store.account()?.role).toBe('centre');
    expect(store.homePath()).toBe('/centre');
  });

  it('is signed out when /api/auth/me answers 401 or not at all', async () => {
    await flushed(store.load(), '/api/auth/me', (r) => r.flush({}, { status: 401, statusText: 'Unauthorized' }));
    expect(store.session()).toBeNull();
    expect(store.homePath()).toBe('/connexion');
    await flushed(store.load(), '/api/auth/me', (r) => r.error(new ProgressEvent('error')));
    expect(store.signedIn()).toBe(false);
  });

  it('signs in with the credentials and keeps the session', async () => {
    const login = store.login({ email: 'coordination@creneau.test', password: 'secret' });
    const request = http.expectOne('/api/auth/login');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ email: 'coordination@creneau.test', password: 'secret' });
    request.flush(sessionOf('coordinator'));
    expect((await login).account.role).toBe('coordinator');
    expect(store.homePath()).toBe('/coordination');
  });

  it('leaves the session untouched when the login fails', async () => {
    const login = store.login({ email: 'x@creneau.test', password: 'bad' });
    http.expectOne('/api/auth/login').flush({ message: 'Identifiants invalides.' }, { status: 401, statusText: 'Unauthorized' });
    await expect(login).rejects.toMatchObject({ status: 401 });
    expect(store.signedIn()).toBe(false);
  });

  it('signs out locally even when the server cannot be told', async () => {
    await flushed(store.load(), '/api/auth/me', (r) => r.flush(sessionOf('secretariat')));
    await flushed(store.logout(), '/api/auth/logout', (r) => r.error(new ProgressEvent('error')));
    expect(store.signedIn()).toBe(false);
  });

  it('changes the password through the server', async () => {
    const change = store.changePassword({ currentPassword: 'old-password', newPassword: 'a-new-long-password' });
    const request = http.expectOne('/api/auth/password');
    expect(request.request.body).toEqual({ currentPassword: 'old-password', newPassword: 'a-new-long-password' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await expect(change).resolves.toBeNull();
  });
});
