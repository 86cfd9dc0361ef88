import type { EvaluationImportRejection, IndicatorsReport } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { uploadEvaluation } from './support/evaluation-files';
import { writeKnownHistory } from './support/known-history';
import { startTestApp, TestApp } from './support/test-app';

const HOSPITAL = 'Hôpital de La Roche-sur-Yon — imagerie';
const HEADER =
  'identifiant;date de la demande;examen;diagnostic suspecté;bon complet;accepté par le centre;date de réponse;' +
  'date du rendez-vous;délai de réponse (h);délai de rendez-vous (h);secteur du centre;issue;modalité;centre';

/** A CPTS's own spreadsheet, saved by French office software: Windows-1252, `;`, French dates and words. */
const TERRITORY_SPREADSHEET = Buffer.from(
  [
    'Identifiant;Date de la demande;Examen;Diagnostic suspecté;Bon complet;Accepté par le centre;Date de réponse;' +
      'Date du rendez-vous;Délai de réponse (h);Délai de rendez-vous (h);Secteur du centre;Issue;Modalité;Centre;Remarques',
    `2025-001;06/01/2025 09:00;Abdomen;Colique néphrétique;Oui;Oui;06/01/2025 11:00;07/01/2025 14:00;2;29;Public;Réalisé;Scanner;${HOSPITAL};RAS`,
    '2025-002;15/01/2025 10:30;Thorax;Pneumopathie;Non;Oui;15/01/2025 12:00;17/01/2025 09:00;1,5;46,5;Privé;Absent;Radio;Cabinet Dupont;',
    '2025-003;20/02/2025;Poignet;Traumatisme récent;Oui;Non;20/02/2025;;;;Privé;Non programmée;DX;Cabinet Dupont;',
    '',
  ]
    .join('\r\n')
    .replaceAll('—', '\u0097'), // Windows-1252 writes the dash as 0x97; the rest is Latin-1
  'latin1',
);

describe('importing a territory’s past evaluation', () => {
  let server: TestApp;
  let coordinator: ApiClient;

  const records = async () =>
    ((await server.dataSource.query(`SELECT count(*)::int AS n FROM evaluation_record`)) as { n: number }[])[0].n;
  const upload = (content: string | Buffer, reason?: string) =>
    uploadEvaluation(coordinator, server.baseUrl, content, { reason });
  const rejection = (response: { status: number; body: unknown }) => {
    expect(response.status).toBe(422);
    return (response.body as EvaluationImportRejection).problems;
  };

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    await writeKnownHistory(server.dataSource);
    coordinator = await server.signedIn('coordinator');
  });

  afterAll(() => server.close());

  it('lists every bad line with all its reasons, and imports none of the file', async () => {
    const good = `A1;2025-01-06 09:00;Abdomen;Colique néphrétique;oui;oui;;2025-01-07 14:00;;;public;Examen réalisé;Scanner;${HOSPITAL}`;
    const file = [
      HEADER,
      good,
      `A2;31/02/2025;Thorax;Grippe;peut-être;oui;;;;;public;Examen réalisé;PET;${HOSPITAL}`,
      `A3;2025-01-10 10:00;"Genou\ndroit";Traumatisme récent;oui;non;;2025-01-09 10:00;;;privé;Examen réalisé;Radiographie;${HOSPITAL}`,
      good,
      `A4;2025-01-12 10:00;Abdomen;Colique néphrétique;oui;;;;-3;;;Non programmée;Scanner;`,
    ].join('\n');
    const problems = rejection(await upload(file));
    expect(problems).toEqual([
      {
        line: 3,
        reasons: [
          'date de la demande : « 31/02/2025 » illisible',
          'modalité : « PET » illisible',
          'diagnostic suspecté : « Grippe » illisible',
          'bon complet (oui/non) : « peut-être » illisible',
          'date du rendez-vous : vide, pour cette issue',
        ],
      },
      {
        line: 4,
        reasons: [
          'le rendez-vous précède la demande',
          'refusée par le centre, la demande n’a pas de rendez-vous',
          'le centre « Hôpital de La Roche-sur-Yon — imagerie » est public',
        ],
      },
      { line: 6, reasons: ['identifiant déjà présent ligne 2'] },
      { line: 7, reasons: ['délai de réponse (h) : « -3 » illisible'] },
    ]);
    expect(await records()).toBe(0);
  });

  it('refuses a file without the evaluation’s columns, or that is not CSV', async () => {
    expect(rejection(await upload('identifiant;date de la demande\nA1;2025-01-06'))).toEqual([
      {
        line: 1,
        reasons: [
          'colonnes manquantes : examen, diagnostic suspecté, bon complet, accepté par le centre, date de réponse, ' +
            'date du rendez-vous, délai de réponse (h), délai de rendez-vous (h), secteur du centre, issue, modalité, centre',
        ],
      },
    ]);
    expect(rejection(await upload(`${HEADER}\nA1;"2025-01-06;x\n`))).toEqual([
      { line: 2, reasons: ['fichier CSV illisible : un guillemet ouvert n’est jamais refermé'] },
    ]);
    expect(rejection(await upload(''))).toEqual([{ line: 1, reasons: ['fichier vide'] }]);
    expect(await records()).toBe(0);
  });

  it('asks for the file and the reason with a 400', async () => {
    const noFile = await coordinator.post<{ fields: Record<string, string[]> }>('/api/indicators/import', { reason: 'reprise' });
    expect([noFile.status, Object.keys(noFile.body.fields)]).toEqual([400, ['file']]);
    const noReason = await upload(TERRITORY_SPREADSHEET, '');
    expect([noReason.status, Object.keys((noReason.body as { fields: object }).fields)]).toEqual([400, ['reason']]);
    expect(await records()).toBe(0);
  });

  it('imports a spreadsheet in Windows-1252 with French dates, marks its lines imported, and feeds every indicator', async () => {
    const before = (await coordinator.get<IndicatorsReport>('/api/indicators?from=2025-01-01&to=2025-10-31')).body;
    expect(await upload(TERRITORY_SPREADSHEET, 'reprise du tableur 2025 de la CPTS')).toEqual({
      status: 201,
      body: { rows: 3, imported: 3, alreadyPresent: 0 },
    });
    const after = (await coordinator.get<IndicatorsReport>('/api/indicators?from=2025-01-01&to=2025-10-31')).body;
    expect(after.requests).toMatchObject({
      received: before.requests.received + 3,
      imported: 3,
      complete: before.requests.complete + 2,
    });
    expect(after.requests.byChannel).toContainEqual({ channel: 'unknown', count: 3 });
    expect(after.monthly.slice(0, 2)).toEqual([
      { month: '2025-01', received: 2, booked: 2 },
      { month: '2025-02', received: 2, booked: 0 },
    ]);
    expect(after.booked.count).toBe(before.booked.count + 2);
    expect(after.outcomes).toMatchObject({ done: before.outcomes.done + 1, noShow: before.outcomes.noShow + 1 });
    expect(after.refusals.total).toBe(before.refusals.total + 1);
    expect(after.responseDelay.count).toBe(before.responseDelay.count + 2);
    expect(after.partnerCentres).toBe(4);
    expect(after.doctors).toBe(before.doctors);
    expect(after.byCentre.find((centre) => centre.label === 'Cabinet Dupont')).toMatchObject({
      key: 'nom:cabinet dupont',
      centreId: null,
      sector: 'private',
      received: 2,
      booked: 1,
      slots: null,
    });
    expect(after.byDiagnosis.find((line) => line.key === 'recent-trauma')?.received).toBe(
      (before.byDiagnosis.find((line) => line.key === 'recent-trauma')?.received ?? 0) + 1,
    );

    const [stored] = (await server.dataSource.query(
      `SELECT received_at, appointment_at, response_hours, refusals, outside_protocol, centre_id IS NOT NULL AS known_centre
         FROM evaluation_record WHERE source_id = '2025-001'`,
    )) as Record<string, unknown>[];
    expect(stored).toEqual({
      received_at: new Date('2025-01-06T08:00:00Z'),
      appointment_at: new Date('2025-01-07T13:00:00Z'),
      response_hours: '2.00',
      refusals: 0,
      outside_protocol: false,
      known_centre: true,
    });
    const audit = (await server.dataSource.query(
      `SELECT action, reason, details FROM audit_event WHERE entity = 'evaluation' ORDER BY id`,
    )) as { action: string; reason: string; details: Record<string, unknown> }[];
    expect(audit.map((event) => event.action)).toEqual([
      'import-rejected',
      'import-rejected',
      'import-rejected',
      'import-rejected',
      'import',
    ]);
    expect(audit.at(-1)).toEqual({
      action: 'import',
      reason: 'reprise du tableur 2025 de la CPTS',
      details: { file: 'evaluation.csv', rows: 3, imported: 3, alreadyPresent: 0 },
    });

    expect(await upload(TERRITORY_SPREADSHEET, 'deuxième envoi du même fichier')).toEqual({
      status: 201,
      body: { rows: 3, imported: 0, alreadyPresent: 3 },
    });
    expect((await coordinator.get<IndicatorsReport>('/api/indicators?from=2025-01-01&to=2025-10-31')).body).toEqual(after);
  });
});
