import type { EvaluationImportResult, IndicatorsReport } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, type DemoCentreKey } from './support/agenda-fixtures';
import { downloadEvaluation, parseEvaluationCsv, uploadEvaluation } from './support/evaluation-files';
import { KNOWN_PATIENTS, KNOWN_PERIOD, KNOWN_REQUESTS, writeKnownHistory } from './support/known-history';
import { startTestApp, TestApp } from './support/test-app';

const HEADER = [
  'identifiant',
  'date de la demande',
  'examen',
  'diagnostic suspecté',
  'bon complet',
  'accepté par le centre',
  'date de réponse',
  'date du rendez-vous',
  'délai de réponse (h)',
  'délai de rendez-vous (h)',
  'secteur du centre',
  'issue',
  'modalité',
  'centre',
  'hors protocole',
  'canal',
  'médecin demandeur',
  'refus',
  'motifs de refus',
  'résultat',
  'origine',
];

/** What a territory's report says whatever the database: ids and the agenda's places are the instance's own. */
function comparable(report: IndicatorsReport): unknown {
  const { slots: _slots, centreId: _centreId, requests, byCentre, ...figures } = report;
  return {
    ...figures,
    requests: { ...requests, imported: undefined },
    byCentre: byCentre.map(({ key: _key, centreId: _id, slots: _places, ...centre }) => centre),
  };
}

describe('the pseudonymised evaluation export, and its import into an empty territory', () => {
  let source: TestApp;
  let target: TestApp;
  let sourceCoordinator: ApiClient;
  let targetCoordinator: ApiClient;
  let sourceCentres: Record<DemoCentreKey, string>;
  let targetCentres: Record<DemoCentreKey, string>;
  let requestIds: Record<string, string>;
  let exported: Buffer;

  const report = async (client: ApiClient, query: Record<string, string> = {}) =>
    (await client.get<IndicatorsReport>(`/api/indicators?${new URLSearchParams({ ...KNOWN_PERIOD, ...query })}`)).body;

  beforeAll(async () => {
    [source, target] = await Promise.all([startTestApp({ seedDemo: true }), startTestApp({ seedDemo: true })]);
    requestIds = await writeKnownHistory(source.dataSource);
    sourceCentres = await demoCentreIds(source.dataSource);
    targetCentres = await demoCentreIds(target.dataSource);
    sourceCoordinator = await source.signedIn('coordinator');
    targetCoordinator = await target.signedIn('coordinator');
    const download = await downloadEvaluation(sourceCoordinator, source.baseUrl, KNOWN_PERIOD);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.headers.get('content-disposition')).toBe(
      'attachment; filename="creneau-evaluation-2025-03-01-2025-10-31.csv"',
    );
    exported = download.bytes;
  });

  afterAll(() => Promise.all([source.close(), target.close()]));

  it('writes UTF-8 with a BOM and `;`, one line per request of the period, the evaluation’s fields first', () => {
    expect([...exported.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = exported.toString('utf8');
    expect(text.slice(1, text.indexOf('\r\n')).split(';')).toEqual(HEADER);
    const rows = parseEvaluationCsv(text);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({
      identifiant: expect.stringMatching(/^D-[0-9a-f]{16}$/),
      'date de la demande': '2025-03-29T10:00:00+01:00',
      examen: 'Abdomen et pelvis',
      'diagnostic suspecté': 'Colique néphrétique',
      'bon complet': 'oui',
      'accepté par le centre': 'oui',
      'date de réponse': '2025-03-29T11:30:00+01:00',
      'date du rendez-vous': '2025-03-31T10:00:00+02:00',
      'délai de réponse (h)': '1,00',
      'délai de rendez-vous (h)': '47,00',
      'secteur du centre': 'public',
      issue: 'Examen réalisé',
      modalité: 'Scanner',
      centre: 'Hôpital de La Roche-sur-Yon — imagerie',
      'hors protocole': 'non',
      canal: 'Téléphone',
      'médecin demandeur': expect.stringMatching(/^M-[0-9a-f]{12}$/),
      refus: '0',
      'motifs de refus': '',
      résultat: 'Suspicion confirmée',
      origine: 'Créneau',
    });
    const refusedThenLost = rows.find((row) => row['date de la demande'] === '2025-04-25T09:00:00+02:00');
    expect(refusedThenLost).toMatchObject({
      'accepté par le centre': 'oui',
      'délai de réponse (h)': '3,00',
      'délai de rendez-vous (h)': '72,00',
      refus: '1',
      'motifs de refus': 'Machine en panne',
      issue: 'En attente',
      'secteur du centre': 'privé',
    });
    expect(rows.filter((row) => row.issue === 'Non programmée').map((row) => row['accepté par le centre'])).toEqual([
      'non',
      '',
      '',
    ]);
  });

  it('holds no name, phone, e-mail, address, birth date or identifier of a patient or a doctor', () => {
    const text = exported.toString('utf8');
    const rows = parseEvaluationCsv(text);
    const cells = rows.flatMap((row) => Object.values(row));
    for (const patient of KNOWN_PATIENTS) {
      const [year, month, day] = patient.birthDate.split('-');
      for (const secret of [
        patient.lastName,
        patient.firstName,
        patient.phone,
        patient.phone.replaceAll(' ', ''),
        patient.email,
        patient.street,
        patient.birthDate,
        `${day}/${month}/${year}`,
      ]) {
        expect([secret, text.includes(secret)]).toEqual([secret, false]);
      }
    }
    for (const request of Object.values(KNOWN_REQUESTS)) {
      expect(text.includes(request.rpps)).toBe(false);
      expect(text.includes(`Dr ${request.rpps}`)).toBe(false);
    }
    for (const id of Object.values(requestIds)) expect(text.includes(id)).toBe(false);
    for (const secret of ['02 51 99 88 77', '85000', 'lombalgie', 'Douleur lombaire', 'H-']) {
      expect([secret, cells.some((cell) => cell.includes(secret))]).toEqual([secret, false]);
    }
    // Stable within the file: one pseudonym per request, one per doctor (r1, r3 and r5 share theirs).
    expect(new Set(rows.map((row) => row.identifiant)).size).toBe(9);
    expect(new Set(rows.map((row) => row['médecin demandeur'])).size).toBe(6);
  });

  it('draws new pseudonyms for each export, and audits who exported how many lines', async () => {
    const again = parseEvaluationCsv(
      (await downloadEvaluation(sourceCoordinator, source.baseUrl, KNOWN_PERIOD)).bytes.toString(),
    );
    const first = parseEvaluationCsv(exported.toString());
    expect(again.map((row) => row.identifiant)).not.toEqual(first.map((row) => row.identifiant));
    const audit = (await source.dataSource.query(
      `SELECT e.details, a.email FROM audit_event e JOIN account a ON a.id = e.account_id
        WHERE e.action = 'export' AND e.entity = 'evaluation' ORDER BY e.id`,
    )) as { details: Record<string, unknown>; email: string }[];
    expect(audit[0]).toEqual({
      email: 'coordination@creneau.test',
      details: { rows: 9, from: '2025-03-01', to: '2025-10-31', centreId: null, modality: null },
    });
  });

  it('exports what the filters keep', async () => {
    const ct = await downloadEvaluation(sourceCoordinator, source.baseUrl, { ...KNOWN_PERIOD, modality: 'ct' });
    expect(parseEvaluationCsv(ct.bytes.toString()).map((row) => row.modalité)).toEqual([
      'Scanner',
      'Scanner',
      'Scanner',
      'Scanner',
    ]);
    const bad = await sourceCoordinator.get<{ fields: Record<string, string[]> }>('/api/indicators/export?from=2025-01-01');
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(['to']);
  });

  it('re-imported into an empty territory, gives the same indicators; a second import changes nothing', async () => {
    const imported = await uploadEvaluation(targetCoordinator, target.baseUrl, exported, { fileName: 'export.csv' });
    expect(imported).toEqual({ status: 201, body: { rows: 9, imported: 9, alreadyPresent: 0 } satisfies EvaluationImportResult });

    const sourceReport = await report(sourceCoordinator);
    const targetReport = await report(targetCoordinator);
    expect(targetReport.requests.imported).toBe(9);
    expect(comparable(targetReport)).toEqual(comparable(sourceReport));
    const queries: Record<string, string>[] = [
      { modality: 'ct' },
      { modality: 'mri' },
      { from: '2025-04-01', to: '2025-04-30' },
      { top: '3' },
    ];
    for (const query of queries) {
      expect(comparable(await report(targetCoordinator, query))).toEqual(comparable(await report(sourceCoordinator, query)));
    }
    for (const centre of ['hospital', 'clinic', 'practice'] as const) {
      expect(comparable(await report(targetCoordinator, { centreId: targetCentres[centre] }))).toEqual(
        comparable(await report(sourceCoordinator, { centreId: sourceCentres[centre] })),
      );
    }

    const again = await uploadEvaluation(targetCoordinator, target.baseUrl, exported, { fileName: 'export.csv' });
    expect(again).toEqual({ status: 201, body: { rows: 9, imported: 0, alreadyPresent: 9 } });
    expect(await report(targetCoordinator)).toEqual(targetReport);
  });

  it('exports the imported series back with the same fields, marked as imported', async () => {
    const strip = (row: Record<string, string>) => ({ ...row, identifiant: '', 'médecin demandeur': '', origine: '' });
    const reexported = parseEvaluationCsv(
      (await downloadEvaluation(targetCoordinator, target.baseUrl, KNOWN_PERIOD)).bytes.toString(),
    );
    expect(reexported.map((row) => row.origine)).toEqual(Array(9).fill('import'));
    expect(reexported.map(strip)).toEqual(parseEvaluationCsv(exported.toString()).map(strip));
  });
});
