import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { TerritorySummary } from '@creneau/contracts';
import { sessionOf } from '../../testing/session-fixtures';
import { signIn } from '../../testing/sign-in';
import { WorkspaceHomeComponent } from './workspace-home.component';

describe('WorkspaceHomeComponent', () => {
  it('shows the workspace’s title, what is coming, and the territory with the user’s own centre marked', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    await signIn(sessionOf('centre', { centreIds: ['c2'] }));
    const fixture = TestBed.createComponent(WorkspaceHomeComponent);
    fixture.componentRef.setInput('heading', 'Centre d’imagerie');
    fixture.componentRef.setInput('upcoming', 'À venir : la publication des créneaux.');
    await fixture.whenStable();
    const centre = (id: string, name: string) => ({
      id,
      name,
      sector: 'private' as const,
      organisation: 'SELARL',
      address: 'Rue',
      location: { latitude: 46.7, longitude: -1.3 },
      phone: '02',
      modalities: ['radiography' as const],
      wheelchairAccessible: true,
      stretcherAccessible: true,
      acceptsMrConditionalPacemaker: false,
      active: true,
    });
    const territory: TerritorySummary = {
      id: 't1',
      name: 'CPTS Centre-Vendée (démo)',
      timezone: 'Europe/Paris',
      targetDelayHours: 48,
      maximumDelayHours: 72,
      centres: [centre('c1', 'Clinique du Bocage'), centre('c2', 'Cabinet des Essarts')],
    };
    TestBed.inject(HttpTestingController).expectOne('/api/territories').flush([territory]);
    await fixture.whenStable();

    const page = fixture.nativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent).toBe('Centre d’imagerie');
    expect(page.querySelector('.upcoming')?.textContent).toBe('À venir : la publication des créneaux.');
    const own = Array.from(page.querySelectorAll('.centre-card')).filter((card) => card.querySelector('.own'));
    expect(own.map((card) => card.querySelector('h3')?.textContent)).toEqual(['Cabinet des Essarts']);
  });
});
