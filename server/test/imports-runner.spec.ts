import { ImportRunner } from '../src/agenda/imports/import-runner.service';
import type { ImportRunOutcome } from '@creneau/contracts';
import { FeedServer, icalendar, serveSmartFixture, startFeedServer } from './support/feed-server';
import { startTestApp, TestApp } from './support/test-app';

/** The import logic driven directly, with its own clock: the scheduler's path, dated publications, the lock. */
describe('import runs (the logic behind the poller)', () => {
  let server: TestApp;
  let feeds: FeedServer;
  let runner: ImportRunner;
  let hospitalId: string;

  const addSource = async (fields: { kind: 'ical' | 'fhir'; url: string; marker?: string; modality?: string }) => {
    const [row] = await server.dataSource.query<{ id: string }[]>(
      `INSERT INTO import_source (centre_id, kind, url, marker, modality) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [hospitalId, fields.kind, fields.url, fields.marker ?? null, fields.modality ?? null],
    );
    return row.id;
  };
  const run = async (sourceId: string, now: Date) => {
    const outcome = await runner.run(sourceId, { actor: null, trigger: 'schedule', now });
    if (typeof outcome === 'string') throw new Error(`run refused: ${outcome}`);
    return outcome;
  };
  const slotsOf = (sourceId: string) =>
    server.dataSource.query<
      { external_id: string; starts_at: Date; capacity: number; external_details: object; status: string }[]
    >(
      'SELECT external_id, starts_at, capacity, external_details, status FROM slot WHERE source_id = $1 ORDER BY starts_at, external_id',
      [sourceId],
    );

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    feeds = await startFeedServer();
    runner = server.app.get(ImportRunner);
    [{ id: hospitalId }] = await server.dataSource.query<{ id: string }[]>(`SELECT id FROM centre WHERE name LIKE 'Hôpital%'`);
  });

  afterAll(async () => {
    await feeds.close();
    await server.close();
  });

  it('keeps 09:00 Paris time for a weekly rule across the last Sunday of March', async () => {
    feeds.set(
      '/dst.ics',
      icalendar([
        'UID:monday-mri',
        'SUMMARY:SNP IRM',
        'DTSTART;TZID=Europe/Paris:20260316T090000',
        'DTEND;TZID=Europe/Paris:20260316T091500',
        'RRULE:FREQ=WEEKLY;BYDAY=MO',
      ]),
    );
    const sourceId = await addSource({ kind: 'ical', url: feeds.url('/dst.ics'), marker: 'SNP' });
    const outcome = await run(sourceId, new Date('2026-03-20T12:00:00Z'));
    expect(outcome.counts.created).toBe(3);
    expect((await slotsOf(sourceId)).map((slot) => slot.starts_at.toISOString())).toEqual([
      '2026-03-23T08:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
      '2026-04-06T07:00:00.000Z',
    ]);
  });

  it('keeps the slots of a recurring event that has become unreadable, and says why', async () => {
    const weekly = (rule: string) =>
      icalendar(['UID:tuesday-ct', 'SUMMARY:SNP scanner', 'DTSTART:20260602T080000Z', 'DURATION:PT20M', rule]);
    feeds.set('/broken-rule.ics', weekly('RRULE:FREQ=WEEKLY'));
    const sourceId = await addSource({ kind: 'ical', url: feeds.url('/broken-rule.ics'), marker: 'SNP' });
    const now = new Date('2026-06-01T00:00:00Z');
    expect((await run(sourceId, now)).counts.created).toBe(3);

    feeds.set('/broken-rule.ics', weekly('RRULE:FREQ=WEEKLY;UNTIL=garbage'));
    const outcome = await run(sourceId, now);
    expect(outcome).toMatchObject({ ok: true, counts: { withdrawn: 0, skipped: 1 } });
    expect(outcome.skipped).toEqual([{ externalId: 'tuesday-ct', reason: expect.stringMatching(/^Événement illisible/) }]);
    expect((await slotsOf(sourceId)).map((slot) => slot.status)).toEqual(['open', 'open', 'open']);
  });

  describe('the SMART Scheduling Links example publication', () => {
    const publishedAt = new Date('2021-03-01T00:00:00Z');
    let manifestUrl: string;

    beforeAll(() => {
      manifestUrl = serveSmartFixture(feeds, '/smart');
    });

    it('reports vaccination slots as not imaging when the source names no modality', async () => {
      const sourceId = await addSource({ kind: 'fhir', url: manifestUrl });
      const outcome = await run(sourceId, publishedAt);
      expect(outcome).toMatchObject({ ok: true, counts: { created: 0, skipped: 210 } });
      expect(new Set(outcome.skipped.map((item) => item.reason))).toEqual(
        new Set(['Modalité inconnue : ni l’élément ni la source n’en indiquent une.']),
      );
      expect(feeds.hits('/smart/locations.ndjson')).toBeGreaterThan(0);
    });

    it('imports the free slots of the next 21 days with the source’s modality, capacity, link, phone and location', async () => {
      const sourceId = await addSource({
        kind: 'fhir',
        url: manifestUrl.replace('$bulk-publish', '%24bulk-publish'),
        modality: 'radiography',
      });
      const outcome = await run(sourceId, publishedAt);
      expect(outcome).toMatchObject({ ok: true, counts: { created: 210, skipped: 0, conflicts: 0 } });
      const slots = await slotsOf(sourceId);
      expect(slots[0]).toEqual({
        external_id: '20',
        starts_at: new Date('2021-03-01T14:00:00.000Z'),
        capacity: 100,
        status: 'open',
        external_details: {
          bookingDeepLink: 'https://ehr-portal.example.org/bookings?slot=1000000',
          bookingPhone: '000-000-0000',
          location: { name: 'SMART Vaccine Clinic Boston', address: '123 Summer St, 02114 Boston' },
        },
      });

      const again = await run(sourceId, publishedAt);
      expect(again.counts).toEqual({ created: 0, updated: 0, unchanged: 210, withdrawn: 0, conflicts: 0, skipped: 0 });
    });

    it('counts busy slots as gone, and leaves the slots already started alone', async () => {
      const sourceId = await addSource({ kind: 'fhir', url: `${manifestUrl}?busy`, modality: 'radiography' });
      await run(sourceId, publishedAt);
      const busy = (text: string) => text.replace(/"status":"free"/g, '"status":"busy"');
      const original = feeds.hits('/smart/slots-2021-W09.ndjson');
      feeds.set('/smart/slots-2021-W09.ndjson', busy(await (await fetch(feeds.url('/smart/slots-2021-W09.ndjson'))).text()));
      expect(feeds.hits('/smart/slots-2021-W09.ndjson')).toBe(original + 1);
      // Two days later: the slots of 1 and 2 March have started and stay; the rest of week 9 is withdrawn.
      const outcome = await run(sourceId, new Date('2021-03-03T00:00:00Z'));
      expect(outcome.counts.withdrawn).toBe(50);
      const statuses = (await slotsOf(sourceId)).reduce<Record<string, number>>((count, slot) => {
        const key = `${slot.starts_at.toISOString().slice(0, 10)} ${slot.status}`;
        return { ...count, [key]: (count[key] ?? 0) + 1 };
      }, {});
      expect(statuses).toMatchObject({
        '2021-03-01 open': 10,
        '2021-03-02 open': 10,
        '2021-03-03 withdrawn': 10,
        '2021-03-08 open': 10,
      });
      serveSmartFixture(feeds, '/smart');
    });

    it('touches no slot when the manifest lists no Slot output or a file is not NDJSON', async () => {
      const sourceId = await addSource({ kind: 'fhir', url: feeds.url('/broken/$bulk-publish'), modality: 'radiography' });
      feeds.set(
        '/broken/$bulk-publish',
        JSON.stringify({ output: [{ type: 'Slot', url: manifestUrl.replace('$bulk-publish', 'slots-2021-W09.ndjson') }] }),
      );
      expect((await run(sourceId, publishedAt)).counts.created).toBe(70);
      const before = await slotsOf(sourceId);

      feeds.set('/broken/$bulk-publish', JSON.stringify({ output: [{ type: 'Schedule', url: manifestUrl }] }));
      const noSlots = await run(sourceId, publishedAt);
      expect(noSlots).toMatchObject({ ok: false, error: 'Le manifeste ne liste aucune sortie Slot.' });

      feeds.set('/broken/$bulk-publish', JSON.stringify({ output: [{ type: 'Slot', url: feeds.url('/broken/slots.ndjson') }] }));
      feeds.set('/broken/slots.ndjson', '{"resourceType":"Slot","id":"1"}\n{"resourceType":"Slot",');
      const badLine = await run(sourceId, publishedAt);
      expect(badLine).toMatchObject({ ok: false, error: expect.stringMatching(/^NDJSON illisible \(ligne 2 de/) });
      expect(badLine.source.status).toMatchObject({ consecutiveFailures: 2, lastSuccessAt: publishedAt.toISOString() });
      expect(await slotsOf(sourceId)).toEqual(before);
    });
  });

  describe('polling', () => {
    let due: string;
    let later: string;
    let inactive: string;

    beforeAll(async () => {
      await server.dataSource.query('UPDATE import_source SET active = false');
      feeds.set('/poll.ics', icalendar());
      due = await addSource({ kind: 'ical', url: feeds.url('/poll.ics?due') });
      later = await addSource({ kind: 'ical', url: feeds.url('/poll.ics?later') });
      inactive = await addSource({ kind: 'ical', url: feeds.url('/poll.ics?inactive') });
      await server.dataSource.query(`UPDATE import_source SET next_poll_at = now() + interval '1 hour' WHERE id = $1`, [later]);
      await server.dataSource.query('UPDATE import_source SET active = false WHERE id = $1', [inactive]);
    });

    it('runs the active sources that are due, and schedules their next poll', async () => {
      const now = new Date();
      const outcomes: ImportRunOutcome[] = await runner.runDue(now);
      expect(outcomes.map((outcome) => outcome.sourceId)).toEqual([due]);
      expect(outcomes[0].source.status.nextPollAt).toBe(new Date(now.getTime() + 15 * 60_000).toISOString());
      expect(await runner.runDue(now)).toEqual([]);
    });

    it('leaves a source to the instance that holds its advisory lock', async () => {
      await server.dataSource.query('UPDATE import_source SET next_poll_at = now() WHERE id = $1', [due]);
      // Another session, as another instance of the server would hold it.
      const otherInstance = server.dataSource.createQueryRunner();
      await otherInstance.connect();
      try {
        await otherInstance.query('SELECT pg_advisory_lock($1, hashtext($2))', [0x1a0c, due]);
        const hitsBefore = feeds.hits('/poll.ics');
        expect(await runner.runDue(new Date())).toEqual([]);
        expect(await runner.run(due, { actor: null, trigger: 'manual' })).toBe('busy');
        expect(feeds.hits('/poll.ics')).toBe(hitsBefore);
      } finally {
        await otherInstance.query('SELECT pg_advisory_unlock($1, hashtext($2))', [0x1a0c, due]);
        await otherInstance.release();
      }
      expect(await runner.runDue(new Date())).toHaveLength(1);
    });
  });
});
