import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ImportRunOutcome, ImportSourceView } from '@creneau/contracts';
import { button, typeInto } from '../../../testing/dom';
import { settle } from '../../../testing/settle';
import { HOSPITAL, TERRITORY } from '../../../testing/territory-fixtures';
import { ImportSourcesComponent } from './import-sources.component';

const LIST = `/api/centres/${HOSPITAL.id}/import-sources`;

const healthy: ImportSourceView = {
  id: 'src1',
  centreId: HOSPITAL.id,
  kind: 'ical',
  url: 'https://ris.hopital.example/semi-urgent.ics',
  marker: 'SNP',
  modality: 'ct',
  pollIntervalMinutes: 15,
  active: true,
  status: {
    lastAttemptAt: '2026-11-24T09:00:00.000Z',
    lastSuccessAt: '2026-11-24T09:00:00.000Z',
    lastError: null,
    consecutiveFailures: 0,
    nextPollAt: '2026-11-24T09:15:00.000Z',
  },
};

const failing: ImportSourceView = {
  id: 'src2',
  centreId: HOSPITAL.id,
  kind: 'fhir',
  url: 'https://fhir.hopital.example/$bulk-publish',
  marker: null,
  modality: null,
  pollIntervalMinutes: 30,
  active: false,
  status: {
    lastAttemptAt: '2026-11-24T08:30:00.000Z',
    lastSuccessAt: null,
    lastError: 'Source injoignable (HTTP 503)',
    consecutiveFailures: 4,
    nextPollAt: null,
  },
};

/** An element's text as read aloud: its pieces kept apart, spaces collapsed. */
function spoken(element: Element): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

describe('ImportSourcesComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<ImportSourcesComponent>;
  let page: HTMLElement;

  const rows = () =>
    Array.from(page.querySelectorAll('table.sources tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map(spoken),
    );

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ImportSourcesComponent);
    fixture.componentRef.setInput('centre', HOSPITAL);
    page = fixture.nativeElement as HTMLElement;
    document.body.appendChild(page);
    await settle(fixture);
    http.expectOne('/api/territories').flush([TERRITORY]);
    http.expectOne(LIST).flush([healthy, failing]);
    await settle(fixture);
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
  });

  it('shows each source’s status: last good import, last error and when, next import', () => {
    expect(rows()).toEqual([
      [
        'Flux iCal https://ris.hopital.example/semi-urgent.ics repère « SNP » Scanner',
        'Active toutes les 15 min',
        '24/11/2026 10:00:00',
        'Aucune',
        '24/11/2026 10:15:00',
        'Importer maintenant Suspendre',
      ],
      [
        'SMART Scheduling Links (FHIR) https://fhir.hopital.example/$bulk-publish',
        'Suspendue toutes les 30 min',
        'Jamais',
        'Source injoignable (HTTP 503) le 24/11/2026 09:30:00 4 échecs de suite',
        '—',
        'Importer maintenant Reprendre',
      ],
    ]);
    expect(page.querySelector('td.error')?.textContent).toContain('Source injoignable');
  });

  it('imports now and says what the import did', async () => {
    button(page, 'Importer maintenant').click();
    const run = http.expectOne('/api/import-sources/src1/run');
    expect(run.request.method).toBe('POST');
    run.flush({
      sourceId: 'src1',
      ok: true,
      ranAt: '2026-11-24T09:05:00.000Z',
      error: null,
      counts: { created: 2, updated: 0, unchanged: 5, withdrawn: 0, conflicts: 0, skipped: 0 },
      skipped: [],
      conflicts: [],
      source: healthy,
    } satisfies ImportRunOutcome);
    await settle(fixture);
    http.expectOne(LIST).flush([healthy, failing]);
    await settle(fixture);
    expect(page.querySelector('[role="status"]')?.textContent).toBe('Import réussi : 2 créés, 0 mis à jour, 5 inchangés.');
  });

  it('resumes a stopped source with a reason', async () => {
    button(page, 'Reprendre').click();
    await settle(fixture);
    expect(document.activeElement?.id).toBe('source-reason');
    typeInto(page, '#source-reason', 'Serveur FHIR réparé');
    button(page, 'Reprendre les imports').click();
    const patch = http.expectOne('/api/import-sources/src2');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ active: true, reason: 'Serveur FHIR réparé' });
    patch.flush({ ...failing, active: true });
    await settle(fixture);
    http.expectOne(LIST).flush([healthy, { ...failing, active: true }]);
    await settle(fixture);
    expect(page.querySelector('[role="status"]')?.textContent).toBe('Imports repris.');
    expect(page.querySelector('#source-reason')).toBeNull();
  });

  it('adds a source, and shows the server’s field errors', async () => {
    typeInto(page, '#source-url', 'ftp://ris');
    button(page, 'Ajouter la source').click();
    http
      .expectOne((r) => r.method === 'POST' && r.url === LIST)
      .flush(
        { message: 'Requête invalide : voir les champs en erreur.', fields: { url: ['adresse http:// ou https:// attendue'] } },
        { status: 400, statusText: 'Bad Request' },
      );
    await settle(fixture);
    expect(page.querySelector('#source-url-error')?.textContent).toBe('adresse http:// ou https:// attendue');
    expect(page.querySelector('#source-url')?.getAttribute('aria-invalid')).toBe('true');

    typeInto(page, '#source-url', 'https://ris.hopital.example/irm.ics');
    typeInto(page, '#source-marker', 'URG');
    typeInto(page, '#source-modality', 'mri');
    typeInto(page, '#source-interval', '10');
    button(page, 'Ajouter la source').click();
    const created = http.expectOne((r) => r.method === 'POST' && r.url === LIST);
    expect(created.request.body).toEqual({
      kind: 'ical',
      url: 'https://ris.hopital.example/irm.ics',
      marker: 'URG',
      modality: 'mri',
      pollIntervalMinutes: 10,
    });
    created.flush({ ...healthy, id: 'src3' });
    await settle(fixture);
    http.expectOne(LIST).flush([healthy, failing, { ...healthy, id: 'src3' }]);
    await settle(fixture);
    expect(rows()).toHaveLength(3);
    expect((page.querySelector('#source-url') as HTMLInputElement).value).toBe('');
  });
});
