import type { AuditEventView, TerritorySummary } from '@creneau/contracts';
import type { ImportRunOutcome, ImportSourceView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { FeedServer, icalendar, icalUtc, startFeedServer } from './support/feed-server';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const today = new Date();
/** `days` days after today, at `hour`:00 UTC: always in the future, within the 21-day window up to day 20. */
const at = (days: number, hour: number) =>
  new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days, hour));
const minutes = (instant: Date, count: number) => new Date(instant.getTime() + count * 60_000);

interface SlotRow {
  id: string;
  external_id: string;
  status: string;
  status_reason: string | null;
  import_conflict: string | null;
  starts_at: Date;
  release_at: Date;
  origin: string;
  modality: string;
  version: number;
  booked_count: number;
}

describe('imports of reserved slots (HTTP)', () => {
  let server: TestApp;
  let feeds: FeedServer;
  let coordinator: ApiClient;
  let hospitalStaff: ApiClient;
  let clinicStaff: ApiClient;
  let hospitalId: string;
  let practiceId: string;

  const single = (start: Date, lines: string[] = []) => [
    'UID:single@hopital',
    'SUMMARY:URGENCE IRM',
    `DTSTART:${icalUtc(start)}`,
    `DTEND:${icalUtc(minutes(start, 30))}`,
    ...lines,
  ];
  const weekly = [
    'UID:weekly@hopital',
    'SUMMARY:Créneau urgent scanner',
    'CATEGORIES:URGENCE',
    `DTSTART:${icalUtc(at(1, 14))}`,
    `DTEND:${icalUtc(at(1, 15))}`,
    'RRULE:FREQ=WEEKLY',
  ];
  const cancelled = [
    'UID:cancelled@hopital',
    'SUMMARY:URGENCE écho',
    'STATUS:CANCELLED',
    `DTSTART:${icalUtc(at(2, 8))}`,
    `DTEND:${icalUtc(at(2, 9))}`,
  ];
  const unmarked = ['UID:routine@hopital', 'SUMMARY:IRM programmée', `DTSTART:${icalUtc(at(2, 10))}`, 'DURATION:PT30M'];

  const slots = async (sourceId: string) =>
    server.dataSource.query<SlotRow[]>('SELECT * FROM slot WHERE source_id = $1 ORDER BY starts_at', [sourceId]);

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    feeds = await startFeedServer();
    coordinator = await server.signedIn('coordinator');
    hospitalStaff = await server.signedIn('centre');
    clinicStaff = await server.client().login('imagerie.clinique@creneau.test', DEMO_TEST_PASSWORD);
    const centres = (await coordinator.get<TerritorySummary[]>('/api/territories')).body[0].centres;
    hospitalId = centres.find((centre) => centre.name.startsWith('Hôpital'))?.id ?? '';
    practiceId = centres.find((centre) => centre.name.startsWith('Cabinet'))?.id ?? '';
  });

  afterAll(async () => {
    await feeds.close();
    await server.close();
  });

  it('answers bad input with the fields in error, unknown ids with 404', async () => {
    const invalid = await coordinator.post<{ fields: Record<string, string[]> }>(`/api/centres/${hospitalId}/import-sources`, {
      kind: 'csv',
      url: 'file:///etc/passwd',
      modality: 'pet',
      pollIntervalMinutes: 0,
      owner: 'me',
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.fields).sort()).toEqual(['kind', 'modality', 'owner', 'pollIntervalMinutes', 'url']);
    for (const url of ['ftp://centre.example/feed.ics', 'javascript:alert(1)', 'pas une adresse']) {
      const refused = await coordinator.post(`/api/centres/${hospitalId}/import-sources`, { kind: 'ical', url });
      expect(refused.status).toBe(400);
    }
    const unknownCentre = await coordinator.post(`/api/centres/${UNKNOWN_ID}/import-sources`, {
      kind: 'ical',
      url: feeds.url('/nowhere.ics'),
    });
    expect(unknownCentre.status).toBe(404);
    const notOffered = await coordinator.post<{ message: string }>(`/api/centres/${practiceId}/import-sources`, {
      kind: 'ical',
      url: feeds.url('/practice.ics'),
      modality: 'mri',
    });
    expect(notOffered.status).toBe(422);
    expect(notOffered.body.message).toBe('Le centre ne propose pas cette modalité : IRM.');
    expect((await coordinator.patch(`/api/import-sources/${UNKNOWN_ID}`, { reason: 'essai' })).status).toBe(404);
    expect((await coordinator.post(`/api/import-sources/${UNKNOWN_ID}/run`)).status).toBe(404);
    expect((await coordinator.get('/api/centres/not-a-uuid/import-sources')).status).toBe(400);
  });

  describe('an iCal feed of the hospital', () => {
    let source: ImportSourceView;
    const run = () => hospitalStaff.post<ImportRunOutcome>(`/api/import-sources/${source.id}/run`);

    beforeAll(async () => {
      feeds.set('/hopital.ics', icalendar(single(at(1, 9)), weekly, cancelled, unmarked));
      const created = await hospitalStaff.post<ImportSourceView>(`/api/centres/${hospitalId}/import-sources`, {
        kind: 'ical',
        url: feeds.url('/hopital.ics'),
        marker: 'urgence',
        pollIntervalMinutes: 30,
        reason: 'agenda RIS du service',
      });
      expect(created.status).toBe(201);
      source = created.body;
    });

    it('is declared by the centre’s own staff, audited, and shows a status never attempted', async () => {
      expect(source).toMatchObject({
        centreId: hospitalId,
        kind: 'ical',
        marker: 'urgence',
        modality: null,
        pollIntervalMinutes: 30,
        active: true,
        status: {
          lastAttemptAt: null,
          lastSuccessAt: null,
          lastError: null,
          consecutiveFailures: 0,
          nextPollAt: expect.any(String),
        },
      });
      const audit = await coordinator.get<AuditEventView[]>(`/api/audit?entity=import-source&entityId=${source.id}`);
      expect(audit.body).toEqual([
        expect.objectContaining({
          action: 'create',
          accountEmail: 'imagerie.hopital@creneau.test',
          reason: 'agenda RIS du service',
        }),
      ]);
      const listed = await coordinator.get<ImportSourceView[]>(`/api/centres/${hospitalId}/import-sources`);
      expect(listed.body.map((view) => view.id)).toEqual([source.id]);
      const duplicate = await coordinator.post(`/api/centres/${hospitalId}/import-sources`, { kind: 'ical', url: source.url });
      expect(duplicate.status).toBe(409);
    });

    it('imports the marked events, expands the weekly one, and leaves out the cancelled and unmarked ones', async () => {
      const { status, body } = await run();
      expect(status).toBe(200);
      expect(body).toMatchObject({
        ok: true,
        error: null,
        counts: { created: 4, updated: 0, unchanged: 0, withdrawn: 0, conflicts: 0, skipped: 0 },
        source: { status: { lastError: null, consecutiveFailures: 0, lastSuccessAt: body.ranAt, lastAttemptAt: body.ranAt } },
      });
      expect(new Date(body.source.status.nextPollAt ?? 0).getTime() - new Date(body.ranAt).getTime()).toBe(30 * 60_000);
      const rows = await slots(source.id);
      expect(rows.map((row) => [row.external_id, row.modality, row.starts_at.toISOString()])).toEqual([
        ['single@hopital', 'mri', at(1, 9).toISOString()],
        [`weekly@hopital/${at(1, 14).toISOString()}`, 'ct', at(1, 14).toISOString()],
        [`weekly@hopital/${at(8, 14).toISOString()}`, 'ct', at(8, 14).toISOString()],
        [`weekly@hopital/${at(15, 14).toISOString()}`, 'ct', at(15, 14).toISOString()],
      ]);
      for (const row of rows) {
        expect(row).toMatchObject({ origin: 'ical', status: 'open', version: 1, import_conflict: null });
        expect(row.starts_at.getTime() - row.release_at.getTime()).toBe(120 * 60_000);
      }
    });

    it('changes nothing when the same feed is imported again', async () => {
      const before = await slots(source.id);
      const { body } = await run();
      expect(body.counts).toEqual({ created: 0, updated: 0, unchanged: 4, withdrawn: 0, conflicts: 0, skipped: 0 });
      expect(await slots(source.id)).toEqual(before);
    });

    it('follows a moved event, never duplicating it', async () => {
      feeds.set('/hopital.ics', icalendar(single(at(1, 10)), weekly, cancelled, unmarked));
      const { body } = await run();
      expect(body.counts).toMatchObject({ created: 0, updated: 1, unchanged: 3 });
      const [moved] = (await slots(source.id)).filter((row) => row.external_id === 'single@hopital');
      expect(moved).toMatchObject({ version: 2, starts_at: at(1, 10), release_at: at(1, 8) });
      expect((await slots(source.id)).length).toBe(4);
    });

    it('withdraws a free slot gone from the feed, and flags a booked one instead', async () => {
      const weeklyIds = (await slots(source.id)).filter((row) => row.external_id.startsWith('weekly')).map((row) => row.id);
      await server.dataSource.query('UPDATE slot SET booked_count = 1 WHERE id = $1', [weeklyIds[1]]);
      feeds.set('/hopital.ics', icalendar(single(at(1, 10), ['STATUS:CANCELLED']), cancelled, unmarked));
      const { body } = await run();
      expect(body.counts).toMatchObject({ created: 0, withdrawn: 3, conflicts: 1 });
      expect(body.conflicts).toEqual([
        {
          slotId: weeklyIds[1],
          externalId: `weekly@hopital/${at(8, 14).toISOString()}`,
          reason: 'Ce créneau réservé a disparu de l’agenda du centre : à vérifier avec le centre.',
        },
      ]);
      const rows = await slots(source.id);
      expect(rows.map((row) => [row.status, row.booked_count, row.import_conflict === null])).toEqual([
        ['withdrawn', 0, true],
        ['withdrawn', 0, true],
        ['open', 1, false],
        ['withdrawn', 0, true],
      ]);
      expect(rows[0].status_reason).toBe('Retiré de l’agenda du centre (import).');
    });

    it('brings the slots back when the events come back, and clears the conflict', async () => {
      feeds.set('/hopital.ics', icalendar(single(at(1, 10)), weekly));
      const { body } = await run();
      expect(body.counts).toMatchObject({ created: 0, updated: 4, withdrawn: 0, conflicts: 0 });
      expect((await slots(source.id)).map((row) => [row.status, row.import_conflict])).toEqual(
        Array.from({ length: 4 }, () => ['open', null]),
      );
    });

    it('keeps every slot when the feed is malformed, and says when the last good import was', async () => {
      const before = await slots(source.id);
      const lastGood = (await run()).body.ranAt;
      feeds.set('/hopital.ics', { body: '<html><body>Maintenance</body></html>', contentType: 'text/html' });
      const { status, body } = await run();
      expect(status).toBe(200);
      expect(body).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Flux iCal illisible/),
        counts: { created: 0, updated: 0, withdrawn: 0 },
        source: { status: { lastSuccessAt: lastGood, lastAttemptAt: body.ranAt, consecutiveFailures: 1 } },
      });
      expect(body.source.status.lastError).toBe(body.error);
      // Backs off: twice the interval after one failure.
      expect(new Date(body.source.status.nextPollAt ?? 0).getTime() - new Date(body.ranAt).getTime()).toBe(60 * 60_000);
      expect(await slots(source.id)).toEqual(before);
      const audit = await coordinator.get<AuditEventView[]>(`/api/audit?entity=import-source&entityId=${source.id}`);
      expect(audit.body[0]).toMatchObject({
        action: 'import',
        accountEmail: 'imagerie.hopital@creneau.test',
        details: { trigger: 'manual', ok: false, error: body.error },
      });
    });

    it('keeps every slot when the feed is unreachable, and recovers when it answers again', async () => {
      const before = await slots(source.id);
      const moved = await hospitalStaff.patch<ImportSourceView>(`/api/import-sources/${source.id}`, {
        url: 'http://127.0.0.1:9/agenda.ics',
        reason: 'nouveau serveur',
      });
      expect(moved.status).toBe(200);
      expect(moved.body.status.consecutiveFailures).toBe(0);
      const failed = (await run()).body;
      expect(failed).toMatchObject({ ok: false, error: expect.stringMatching(/^Source injoignable/) });
      expect(failed.source.status.lastSuccessAt).not.toBeNull();
      expect(await slots(source.id)).toEqual(before);

      await hospitalStaff.patch(`/api/import-sources/${source.id}`, { url: feeds.url('/hopital.ics'), reason: 'retour' });
      feeds.set('/hopital.ics', icalendar(single(at(1, 10)), weekly));
      const recovered = (await run()).body;
      expect(recovered).toMatchObject({ ok: true, source: { status: { lastError: null, consecutiveFailures: 0 } } });
    });

    it('stops polling a deactivated source, which cannot be run until reactivated', async () => {
      const stopped = await coordinator.patch<ImportSourceView>(`/api/import-sources/${source.id}`, {
        active: false,
        reason: 'migration du RIS',
      });
      expect(stopped.body).toMatchObject({ active: false, status: { nextPollAt: null } });
      expect((await run()).status).toBe(409);
      const resumed = await coordinator.patch<ImportSourceView>(`/api/import-sources/${source.id}`, {
        active: true,
        reason: 'migration terminée',
      });
      expect(resumed.body.active).toBe(true);
      const audit = await coordinator.get<AuditEventView[]>(`/api/audit?entity=import-source&entityId=${source.id}`);
      expect(audit.body.slice(0, 2).map((event) => [event.action, event.reason])).toEqual([
        ['enable', 'migration terminée'],
        ['disable', 'migration du RIS'],
      ]);
    });

    it('answers a PATCH without a reason or with a null URL with 400', async () => {
      const noReason = await coordinator.patch<{ fields: Record<string, string[]> }>(`/api/import-sources/${source.id}`, {
        pollIntervalMinutes: 60,
      });
      expect(noReason.status).toBe(400);
      expect(Object.keys(noReason.body.fields)).toEqual(['reason']);
      const nullUrl = await coordinator.patch<{ fields: Record<string, string[]> }>(`/api/import-sources/${source.id}`, {
        url: null,
        reason: 'essai',
      });
      expect(nullUrl.status).toBe(400);
      expect(Object.keys(nullUrl.body.fields)).toEqual(['url']);
    });

    it('is out of reach of another centre’s staff and of the secretariat', async () => {
      const secretariat = await server.signedIn('secretariat');
      for (const client of [clinicStaff, secretariat]) {
        expect((await client.get(`/api/centres/${hospitalId}/import-sources`)).status).toBe(403);
        expect(
          (await client.post(`/api/centres/${hospitalId}/import-sources`, { kind: 'ical', url: feeds.url('/x.ics') })).status,
        ).toBe(403);
        expect((await client.patch(`/api/import-sources/${source.id}`, { active: false, reason: 'intrusion' })).status).toBe(403);
        expect((await client.post(`/api/import-sources/${source.id}/run`)).status).toBe(403);
      }
      expect((await coordinator.get<ImportSourceView>(`/api/centres/${hospitalId}/import-sources`)).status).toBe(200);
    });
  });
});
