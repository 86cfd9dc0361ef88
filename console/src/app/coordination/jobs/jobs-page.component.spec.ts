import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { JOB_NAMES, type JobName, type JobRunView, type JobStatusView } from '@creneau/contracts';
import { settle } from '../../../testing/settle';
import { JobsPageComponent } from './jobs-page.component';

const never = (job: JobName): JobStatusView => ({ job, lastRun: null, lastSuccessAt: null });

const releaseRun: JobRunView = {
  job: 'slot-release',
  instance: 'web-1#4242#a1b2c3',
  tick: '2026-11-24T13:05:00.000Z',
  startedAt: '2026-11-24T13:05:00.120Z',
  endedAt: '2026-11-24T13:05:00.480Z',
  outcome: 'ok',
  counts: { released: 2 },
  error: null,
};
const release: JobStatusView = { job: 'slot-release', lastRun: releaseRun, lastSuccessAt: '2026-11-24T13:05:00.480Z' };

const outbox: JobStatusView = {
  job: 'outbox-send',
  lastRun: {
    ...releaseRun,
    job: 'outbox-send',
    startedAt: '2026-11-24T13:05:02.000Z',
    endedAt: '2026-11-24T13:05:04.000Z',
    counts: { sent: 2, retrying: 0, failed: 1 },
  },
  lastSuccessAt: '2026-11-24T13:05:04.000Z',
};

const imports: JobStatusView = {
  job: 'import-poll',
  lastRun: {
    job: 'import-poll',
    instance: 'web-2#17#d4e5f6',
    tick: '2026-11-24T13:05:00.000Z',
    startedAt: '2026-11-24T13:05:01.000Z',
    endedAt: '2026-11-24T13:05:13.000Z',
    outcome: 'failed',
    counts: {},
    error: 'connexion perdue',
  },
  lastSuccessAt: '2026-11-24T13:04:02.000Z',
};

const evaluation: JobStatusView = {
  job: 'evaluation-refresh',
  lastRun: { ...releaseRun, job: 'evaluation-refresh', counts: { refreshed: 3, busy: 0 } },
  lastSuccessAt: '2026-11-24T13:05:00.480Z',
};

const runs: Partial<Record<JobName, JobStatusView>> = {
  'slot-release': release,
  'import-poll': imports,
  'outbox-send': outbox,
  'evaluation-refresh': evaluation,
};

describe('JobsPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<JobsPageComponent>;
  let page: HTMLElement;

  const rows = () =>
    Array.from(page.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(JobsPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/territories').flush([{ id: 't1', name: 'CPTS', timezone: 'Europe/Paris', centres: [] }]);
  });

  afterEach(() => http.verify());

  it('shows each job’s last run in French, times in the territory’s zone', async () => {
    http.expectOne('/api/jobs/runs').flush(JOB_NAMES.map((job) => runs[job] ?? never(job)));
    await settle(fixture);

    expect(rows()).toEqual([
      ['Créneaux des règles récurrentes Toutes les heures et au démarrage', 'Jamais exécutée', '—'],
      [
        'Imports des agendas des centres Chaque minute, selon l’intervalle de chaque source',
        '24/11/2026 14:05:01',
        '12 s',
        'Échec',
        'connexion perdue',
        '24/11/2026 14:04:02',
      ],
      [
        'Libération des créneaux inutilisés Chaque minute',
        '24/11/2026 14:05:00',
        '< 1 s',
        'Réussie',
        '2 créneaux libérés',
        '24/11/2026 14:05:00',
      ],
      ['Relances et échéances Toutes les 5 minutes', 'Jamais exécutée', '—'],
      ['Perdus de vue Toutes les heures', 'Jamais exécutée', '—'],
      ['Pseudonymisation des demandes anciennes Chaque nuit à 3 h 30', 'Jamais exécutée', '—'],
      [
        'Envoi des messages aux médecins Chaque minute, avec nouvelles tentatives espacées',
        '24/11/2026 14:05:02',
        '2 s',
        'Réussie',
        '2 messages envoyés · 1 messages en échec',
        '24/11/2026 14:05:04',
      ],
      [
        'Mise à jour des données des indicateurs Chaque minute, et avant chaque lecture des indicateurs',
        '24/11/2026 14:05:00',
        '< 1 s',
        'Réussie',
        '3 demandes mises à jour',
        '24/11/2026 14:05:00',
      ],
    ]);
    expect(page.querySelector('td.error')?.textContent).toBe('Échec');
  });

  it('shows a run still going on, then reloads on demand', async () => {
    const running: JobStatusView = {
      ...release,
      lastRun: { ...releaseRun, endedAt: null, outcome: 'running', counts: {} },
    };
    http.expectOne('/api/jobs/runs').flush([running]);
    await settle(fixture);
    expect(rows()).toEqual([
      ['Libération des créneaux inutilisés Chaque minute', '24/11/2026 14:05:00', '', 'En cours', '', '24/11/2026 14:05:00'],
    ]);

    (
      Array.from(page.querySelectorAll('button')).find((b) => b.textContent?.trim() === 'Actualiser') as HTMLButtonElement
    ).click();
    await settle(fixture);
    expect(page.textContent).toContain('Chargement des tâches…');
    http.expectOne('/api/jobs/runs').flush([release]);
    await settle(fixture);
    expect(rows()[0][3]).toBe('Réussie');
  });

  it('says when the jobs cannot be loaded', async () => {
    http.expectOne('/api/jobs/runs').error(new ProgressEvent('error'));
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'Les tâches n’ont pas pu être chargées. Serveur injoignable',
    );
  });
});
