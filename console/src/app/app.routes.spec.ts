import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SessionInfo } from '@creneau/contracts';
import { sessionOf } from '../testing/session-fixtures';
import { signIn } from '../testing/sign-in';
import { appRoutes } from './app.routes';

describe('appRoutes', () => {
  /** Where a fresh console lands, started with this session, when it is asked for `url`. */
  async function landing(session: SessionInfo | null, url: string): Promise<{ url: string; title: string }> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [provideRouter(appRoutes, withComponentInputBinding()), provideHttpClient(), provideHttpClientTesting()],
    });
    await signIn(session);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    return { url: TestBed.inject(Router).url, title: document.title };
  }

  it('sends an anonymous visitor to the login page, remembering the page asked for', async () => {
    expect((await landing(null, '/')).url).toBe('/connexion');
    expect(await landing(null, '/coordination/comptes')).toEqual({
      url: '/connexion?retour=%2Fcoordination%2Fcomptes',
      title: 'Connexion — Créneau',
    });
  });

  it.each([
    ['secretariat', '/secretariat', 'Télésecrétariat — Créneau'],
    ['centre', '/centre', 'Centre d’imagerie — Créneau'],
    ['coordinator', '/coordination', 'Coordination — Créneau'],
    ['admin', '/coordination', 'Coordination — Créneau'],
    ['doctor', '/medecin', 'Médecin demandeur — Créneau'],
  ] as const)('takes a signed-in %s home to %s', async (role, path, title) => {
    expect(await landing(sessionOf(role), '/')).toEqual({ url: path, title });
  });

  it('opens the coordination pages to coordinators only', async () => {
    expect(await landing(sessionOf('coordinator'), '/coordination/journal')).toEqual({
      url: '/coordination/journal',
      title: 'Journal d’audit — Créneau',
    });
  });

  it('keeps other roles out of a workspace not theirs', async () => {
    expect((await landing(sessionOf('secretariat'), '/coordination/comptes')).url).toBe('/secretariat');
  });

  it('keeps the signed-in off the login page, and unknown addresses lead home', async () => {
    expect((await landing(sessionOf('doctor'), '/connexion')).url).toBe('/medecin');
    expect((await landing(sessionOf('centre'), '/nulle-part')).url).toBe('/centre');
  });

  it('opens the password page to every signed-in role', async () => {
    expect((await landing(sessionOf('doctor'), '/mot-de-passe')).title).toBe('Mot de passe — Créneau');
  });
});
