import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { settle } from '../../testing/settle';
import { PasswordPageComponent } from './password-page.component';

describe('PasswordPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<PasswordPageComponent>;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PasswordPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  function fill(values: { current: string; next: string; confirmation: string }): void {
    for (const [id, value] of [
      ['current-password', values.current],
      ['new-password', values.next],
      ['confirmation', values.confirmation],
    ]) {
      const input = page.querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    page.querySelector('form')?.dispatchEvent(new Event('submit'));
  }

  const errorOf = (id: string) => page.querySelector(`#${id}-error`)?.textContent?.trim();

  it('checks length and confirmation before calling the server', async () => {
    fill({ current: 'old-password', next: 'short', confirmation: 'other' });
    await settle(fixture);
    expect(errorOf('new-password')).toBe('Au moins 12 caractères.');
    expect(errorOf('confirmation')).toBe('La confirmation ne correspond pas au nouveau mot de passe.');
    expect(page.querySelector('#new-password')?.getAttribute('aria-invalid')).toBe('true');
  });

  it('changes the password and says the other sessions ended', async () => {
    fill({ current: 'old-password', next: 'a-brand-new-password', confirmation: 'a-brand-new-password' });
    const request = http.expectOne('/api/auth/password');
    expect(request.request.body).toEqual({ currentPassword: 'old-password', newPassword: 'a-brand-new-password' });
    request.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(page.querySelector('[role="status"]')?.textContent).toContain('Mot de passe changé');
    expect(page.querySelector<HTMLInputElement>('#current-password')?.value).toBe('');
  });

  it('points at the current password when the server refuses it', async () => {
    fill({ current: 'wrong-password', next: 'a-brand-new-password', confirmation: 'a-brand-new-password' });
    http
      .expectOne('/api/auth/password')
      .flush(
        { statusCode: 400, message: 'Mot de passe actuel incorrect.', fields: { currentPassword: ['incorrect'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    expect(errorOf('current-password')).toBe('Mot de passe actuel incorrect.');
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('Mot de passe actuel incorrect.');
  });
});
