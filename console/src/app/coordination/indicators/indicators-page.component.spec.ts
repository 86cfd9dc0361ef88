import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ChartConfiguration } from 'chart.js';
import { settle } from '../../../testing/settle';
import { TERRITORY } from '../../../testing/territory-fixtures';
import { CHART_FACTORY } from './chart.component';
import { IndicatorsPageComponent } from './indicators-page.component';
import { REPORT } from './indicators-report.fixture';
import { lastTwelveMonths } from './period';

describe('IndicatorsPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<IndicatorsPageComponent>;
  let page: HTMLElement;
  let drawn: ChartConfiguration[];

  const indicatorsRequest = () => http.expectOne((request) => request.url === '/api/indicators');
  const paramsOf = (request: TestRequest) =>
    Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));
  const type = (selector: string, value: string) => {
    const field = page.querySelector(selector) as HTMLInputElement;
    field.value = value;
    field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input'));
  };
  const submit = () => page.querySelector('form.filters')?.dispatchEvent(new Event('submit'));
  /** French formats space thousands and percents with no-break spaces. */
  const text = (element: Element | null | undefined) => element?.textContent?.trim().replace(/[\u202f\u00a0]/g, ' ');

  beforeEach(async () => {
    drawn = [];
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        // No canvas in jsdom: the page's charts are recorded instead of drawn.
        {
          provide: CHART_FACTORY,
          useValue: (_canvas: HTMLCanvasElement, config: ChartConfiguration) => (drawn.push(config), { destroy: jest.fn() }),
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(IndicatorsPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/territories').flush([TERRITORY]);
  });

  afterEach(() => http.verify());

  it('asks for the last twelve months, then shows every key figure with the line that explains it', async () => {
    const first = indicatorsRequest();
    expect(paramsOf(first)).toEqual(lastTwelveMonths(new Date(), 'Europe/Paris'));
    expect(page.textContent).toContain('Calcul des indicateurs…');
    first.flush(REPORT);
    await settle(fixture);

    const figures = Array.from(page.querySelectorAll('li.figure'));
    expect(figures).toHaveLength(16);
    expect(figures[0].querySelector('h3')?.textContent).toBe('Demandes reçues');
    expect(text(figures[0].querySelector('.value'))).toBe('1 200');
    expect(figures[0].querySelector('.hint')?.textContent).toContain('évaluations importées comprises');
    expect(figures.every((figure) => (figure.querySelector('.hint')?.textContent ?? '').length > 20)).toBe(true);
  });

  it('draws the four charts with chart.js, and lists the breakdowns, centres, refusals and relevance', async () => {
    indicatorsRequest().flush(REPORT);
    await settle(fixture);
    expect(drawn.map((config) => config.type)).toEqual(['bar', 'bar', 'doughnut', 'bar']);
    expect(Array.from(page.querySelectorAll('cr-chart canvas')).map((canvas) => canvas.getAttribute('role'))).toEqual([
      'img',
      'img',
      'img',
      'img',
    ]);
    const captions = Array.from(page.querySelectorAll('cr-breakdown-table caption')).map((caption) =>
      caption.textContent?.trim(),
    );
    expect(captions).toEqual(['Par modalité', 'Par examen (les plus demandés)', 'Par diagnostic suspecté (les plus fréquents)']);
    const centreRows = Array.from(page.querySelectorAll('#centres-title ~ table tbody tr')).map((row) =>
      Array.from(row.querySelectorAll('th, td')).map(text),
    );
    expect(centreRows).toEqual([
      ['Hôpital de La Roche-sur-Yon — imagerie', 'Public', '700', '660', '1,7 j', '800', '600', '190', '75 %'],
      ['Cabinet Dupont', 'Privé', '200', '190', '1,2 j', '—'],
    ]);
    expect(page.querySelector('#refusals-title ~ table tbody')?.textContent).toContain('Machine en panne');
    expect(text(page.querySelector('#relevance-title ~ table tbody'))).toContain('69,6 %');
  });

  it('filters by period, centre and modality, and exports what it shows', async () => {
    indicatorsRequest().flush(REPORT);
    await settle(fixture);
    type('#indicators-from', '2025-03-01');
    type('#indicators-to', '2025-04-30');
    type('#indicators-centre', 'c-hospital');
    type('#indicators-modality', 'ct');
    submit();
    await settle(fixture);
    const filtered = indicatorsRequest();
    expect(paramsOf(filtered)).toEqual({ from: '2025-03-01', to: '2025-04-30', centreId: 'c-hospital', modality: 'ct' });
    filtered.flush(REPORT);
    await settle(fixture);
    expect(page.querySelector('a[download]')?.getAttribute('href')).toBe(
      '/api/indicators/export?from=2025-03-01&to=2025-04-30&centreId=c-hospital&modality=ct',
    );
  });

  it('refuses a period that ends before it starts, and says why the server refused one', async () => {
    indicatorsRequest().flush(REPORT);
    await settle(fixture);
    type('#indicators-from', '2025-04-30');
    type('#indicators-to', '2025-03-01');
    submit();
    await settle(fixture);
    expect(page.querySelector('#indicators-period-error')?.textContent).toBe(
      'Indiquez une période dont la fin ne précède pas le début.',
    );

    type('#indicators-from', '2000-01-01');
    type('#indicators-to', '2025-03-01');
    submit();
    await settle(fixture);
    indicatorsRequest().flush(
      { statusCode: 400, message: 'Requête invalide', fields: { to: ['la période va de from à to, au plus 3700 jours'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(page.querySelector('[role="alert"].error')?.textContent).toContain('au plus 3700 jours');
  });
});
