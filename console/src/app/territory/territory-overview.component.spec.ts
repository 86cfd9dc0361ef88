import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { TerritorySummary } from '@creneau/contracts';
import { TerritoryOverviewComponent } from './territory-overview.component';

describe('TerritoryOverviewComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function render(answer: (request: ReturnType<HttpTestingController['expectOne']>) => void): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(TerritoryOverviewComponent);
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).textContent).toContain('Chargement du territoire');
    answer(http.expectOne('/api/territories'));
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('lists the territory and its centres', async () => {
    const territory: TerritorySummary = {
      id: 't1',
      name: 'CPTS Centre-Vendée (démo)',
      timezone: 'Europe/Paris',
      targetDelayHours: 48,
      maximumDelayHours: 72,
      centres: [
        {
          id: 'c1',
          name: 'Cabinet de radiologie des Essarts',
          sector: 'private',
          organisation: 'SELARL',
          address: '3 place du Champ de Foire, 85140 Essarts-en-Bocage',
          location: { latitude: 46.77, longitude: -1.23 },
          phone: '+33 2 51 00 30 00',
          modalities: ['radiography', 'ultrasound'],
          wheelchairAccessible: true,
          stretcherAccessible: false,
          acceptsMrConditionalPacemaker: false,
          active: true,
        },
      ],
    };
    const element = await render((request) => request.flush([territory]));
    expect(element.querySelector('h2')?.textContent).toBe('CPTS Centre-Vendée (démo)');
    expect(element.querySelector('.protocol')?.textContent).toContain('Délai cible 48 h, maximum 72 h');
    expect(element.querySelectorAll('cr-centre-card')).toHaveLength(1);
  });

  it('says so when the server cannot be reached', async () => {
    const element = await render((request) => request.error(new ProgressEvent('error')));
    expect(element.querySelector('[role="alert"]')?.textContent).toContain("n'a pas pu être chargé");
  });
});
