import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRouteSnapshot, CanActivateFn, provideRouter, RouterStateSnapshot, UrlTree } from '@angular/router';
import { sessionOf } from '../../testing/session-fixtures';
import { signIn } from '../../testing/sign-in';
import { anonymousOnly } from './anonymous-only.guard';
import { requireRole, requireSession } from './require-role.guard';

describe('session guards', () => {
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] }),
  );

  function run(guard: CanActivateFn, url: string): string | boolean {
    const outcome = TestBed.runInInjectionContext(() => guard({} as ActivatedRouteSnapshot, { url } as RouterStateSnapshot)) as
      UrlTree | boolean;
    return outcome instanceof UrlTree ? outcome.toString() : outcome;
  }

  it('sends an anonymous user to the login page, keeping the page asked for', async () => {
    await signIn(null);
    expect(run(requireRole('coordinator'), '/coordination/comptes')).toBe('/connexion?retour=%2Fcoordination%2Fcomptes');
    expect(run(requireSession, '/mot-de-passe')).toBe('/connexion?retour=%2Fmot-de-passe');
  });

  it('lets the right roles in and sends the others to their own workspace', async () => {
    await signIn(sessionOf('admin'));
    expect(run(requireRole('coordinator', 'admin'), '/coordination')).toBe(true);
    expect(run(requireRole('secretariat'), '/secretariat')).toBe('/coordination');
    await signIn(sessionOf('doctor'));
    expect(run(requireRole('centre'), '/centre')).toBe('/medecin');
    expect(run(requireSession, '/mot-de-passe')).toBe(true);
  });

  it('keeps signed-in users away from the login page', async () => {
    await signIn(null);
    expect(run(anonymousOnly, '/connexion')).toBe(true);
    await signIn(sessionOf('secretariat'));
    expect(run(anonymousOnly, '/connexion')).toBe('/secretariat');
  });
});
