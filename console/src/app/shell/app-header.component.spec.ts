import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { sessionOf } from '../../testing/session-fixtures';
import { settle } from '../../testing/settle';
import { signIn } from '../../testing/sign-in';
import { AppHeaderComponent } from './app-header.component';

@Component({ template: '' })
class BlankComponent {}

describe('AppHeaderComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([{ path: '**', component: BlankComponent }]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  async function render() {
    const fixture = TestBed.createComponent(AppHeaderComponent);
    await fixture.whenStable();
    http.expectOne('/api/health').flush({ status: 'ok', database: 'up', version: '0.1.0' });
    await fixture.whenStable();
    return { fixture, header: fixture.nativeElement as HTMLElement };
  }

  const links = (header: HTMLElement) => Array.from(header.querySelectorAll('nav a')).map((a) => a.textContent?.trim());

  it('shows the brand and the server status only, to a signed-out user', async () => {
    await signIn(null);
    const { header } = await render();
    expect(header.querySelector('.brand')?.textContent).toBe('Créneau');
    expect(header.querySelector('[role="status"]')?.textContent).toBe('Service opérationnel');
    expect(header.querySelector('nav')).toBeNull();
    expect(header.textContent).not.toContain('Se déconnecter');
  });

  it('shows the account’s name, its role in French and its workspace pages', async () => {
    await signIn(sessionOf('coordinator', { displayName: 'Claire Coordinatrice' }));
    const { header } = await render();
    expect(header.querySelector('.account .name')?.textContent).toBe('Claire Coordinatrice');
    expect(header.querySelector('.account .role')?.textContent).toBe('Coordination CPTS');
    expect(links(header)).toEqual([
      'Vue d’ensemble',
      'Centres',
      'Hors protocole',
      'Indicateurs',
      'Comptes',
      'Journal d’audit',
      'Tâches planifiées',
      'Messages non envoyés',
    ]);
  });

  it('gives each role its own pages', async () => {
    await signIn(sessionOf('centre'));
    expect(links((await render()).header)).toEqual(['Agenda', 'Créneaux récurrents', 'Calendriers et imports']);
  });

  it('signs out and goes to the login page', async () => {
    const store = await signIn(sessionOf('secretariat'));
    const { fixture, header } = await render();
    const button = Array.from(header.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Se déconnecter');
    button?.click();
    http.expectOne('/api/auth/logout').flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(store.signedIn()).toBe(false);
    expect(TestBed.inject(Router).url).toBe('/connexion');
    expect(header.querySelector('nav')).toBeNull();
  });
});
