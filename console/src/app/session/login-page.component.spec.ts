import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { sessionOf } from '../../testing/session-fixtures';
import { settle } from '../../testing/settle';
import { LoginPageComponent } from './login-page.component';

@Component({ template: '' })
class BlankComponent {}

describe('LoginPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<LoginPageComponent>;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: BlankComponent }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const email = () => page.querySelector<HTMLInputElement>('#login-email') as HTMLInputElement;
  const password = () => page.querySelector<HTMLInputElement>('#login-password') as HTMLInputElement;
  const alert = () => page.querySelector('[role="alert"]')?.textContent?.trim();

  /** Types the credentials and submits the form, as Enter in a field does. */
  async function submit(address: string, secret: string, answer?: (r: ReturnType<HttpTestingController['expectOne']>) => void) {
    email().value = address;
    email().dispatchEvent(new Event('input'));
    password().value = secret;
    password().dispatchEvent(new Event('input'));
    page.querySelector('form')?.dispatchEvent(new Event('submit'));
    if (answer) answer(http.expectOne('/api/auth/login'));
    await settle(fixture);
  }

  it('has labelled fields and puts the focus on the e-mail', () => {
    expect(page.querySelector('label[for="login-email"]')?.textContent).toBe('Adresse e-mail');
    expect(page.querySelector('label[for="login-password"]')?.textContent).toBe('Mot de passe');
    expect(password().type).toBe('password');
    expect(document.activeElement).toBe(email());
  });

  it('signs in and goes to the role’s workspace', async () => {
    const router = TestBed.inject(Router);
    await submit('  secretariat@creneau.test ', 'the-password', (request) => {
      expect(request.request.body).toEqual({ email: 'secretariat@creneau.test', password: 'the-password' });
      request.flush(sessionOf('secretariat'));
    });
    expect(router.url).toBe('/secretariat');
  });

  it('goes back to the page asked for before signing in', async () => {
    fixture.componentRef.setInput('retour', '/coordination/journal');
    await submit('coordination@creneau.test', 'the-password', (request) => request.flush(sessionOf('coordinator')));
    expect(TestBed.inject(Router).url).toBe('/coordination/journal');
  });

  it('ignores a return address outside the console', async () => {
    fixture.componentRef.setInput('retour', '//evil.example/');
    await submit('centre@creneau.test', 'the-password', (request) => request.flush(sessionOf('centre')));
    expect(TestBed.inject(Router).url).toBe('/centre');
  });

  it('says when the credentials are wrong, and returns to an empty password field', async () => {
    await submit('secretariat@creneau.test', 'wrong', (request) =>
      request.flush({ message: 'Identifiants invalides.' }, { status: 401, statusText: 'Unauthorized' }),
    );
    expect(alert()).toBe('E-mail ou mot de passe incorrect.');
    expect(password().value).toBe('');
    expect(email().value).toBe('secretariat@creneau.test');
    expect(document.activeElement).toBe(password());
  });

  it('shows the server’s message when the account is locked', async () => {
    const message = 'Trop d’échecs de connexion : compte verrouillé pour 15 min.';
    await submit('secretariat@creneau.test', 'wrong', (request) =>
      request.flush({ statusCode: 429, message }, { status: 429, statusText: 'Too Many Requests' }),
    );
    expect(alert()).toBe(message);
  });

  it('explains the per-address rate limit in French', async () => {
    await submit('secretariat@creneau.test', 'wrong', (request) =>
      request.flush(
        { statusCode: 429, message: 'ThrottlerException: Too Many Requests' },
        { status: 429, statusText: 'Too Many Requests' },
      ),
    );
    expect(alert()).toContain('Trop de tentatives de connexion depuis ce poste');
  });

  it('tells a network failure from wrong credentials', async () => {
    await submit('secretariat@creneau.test', 'the-password', (request) => request.error(new ProgressEvent('error')));
    expect(alert()).toContain('Serveur injoignable');
  });

  it('asks for both fields before calling the server', async () => {
    await submit('', '');
    expect(alert()).toBe('Saisissez votre adresse e-mail et votre mot de passe.');
    expect(document.activeElement).toBe(email());
  });

  it('announces an expired session', async () => {
    fixture.componentRef.setInput('session', 'expiree');
    await fixture.whenStable();
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Votre session a expiré');
  });
});
