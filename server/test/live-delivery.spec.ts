import type { AppointmentView, LiveEvent, RequestView } from '@creneau/contracts';
import { SlotReleaseJob } from '../src/jobs/release/slot-release.job';
import { recordLiveEvent } from '../src/live/live-events';
import { LiveFeed } from '../src/live/live-feed';
import { LiveRetention } from '../src/live/live-retention';
import { ApiClient } from './support/api-client';
import { demoCentreIds, DemoCentreKey, insertSlot } from './support/agenda-fixtures';
import { brief, LiveConsole } from './support/live-client';
import { completeForm } from './support/request-fixtures';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

let keyCounter = 0;
const QUIET_MS = 400;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Two server instances on one database, as in production behind a load balancer. */
describe('live updates across two instances', () => {
  let a: TestApp;
  let b: TestApp;
  let centres: Record<DemoCentreKey, string>;
  let secretaryOnA: ApiClient;
  const consoles: LiveConsole[] = [];

  const open = async (server: TestApp, client: ApiClient) => {
    const live = await LiveConsole.connect(server.baseUrl, client);
    consoles.push(live);
    expect(await live.subscribe(null)).toMatchObject({ status: 'live', replayed: 0 });
    return live;
  };
  const signIn = (server: TestApp, email: string) => server.client().login(email, DEMO_TEST_PASSWORD);
  const newRequest = async () => (await secretaryOnA.post<RequestView>('/api/requests', { form: completeForm() })).body;
  const book = (requestId: string, slotId: string) =>
    secretaryOnA.request<AppointmentView>('POST', '/api/appointments', {
      body: { requestId, slotId },
      headers: { 'idempotency-key': `live-${++keyCounter}-${Date.now()}` },
    });
  const of = (entityId: string) => (event: LiveEvent) => event.entityId === entityId;

  beforeAll(async () => {
    a = await startTestApp({ seedDemo: true });
    b = await startTestApp({ sameDatabaseAs: a });
    centres = await demoCentreIds(a.dataSource);
    secretaryOnA = await a.signedIn('secretariat');
  });

  afterAll(async () => {
    for (const live of consoles) live.close();
    await b.close();
    await a.close();
  });

  it('brings a booking made on instance A to a secretariat console on B, in commit order; another centre sees nothing', async () => {
    const secretariatOnB = await open(b, await signIn(b, 'secretariat@creneau.test'));
    const clinicOnB = await open(b, await signIn(b, 'imagerie.clinique@creneau.test'));
    const hospitalOnA = await open(a, await signIn(a, 'imagerie.hopital@creneau.test'));
    const request = await newRequest();
    const slotId = await insertSlot(a.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 20 });

    const booked = await book(request.id, slotId);
    expect(booked.status).toBe(201);

    const ofBooking = (event: LiveEvent) => [slotId, booked.body.id, request.id].includes(event.entityId);
    const seen = await secretariatOnB.waitFor(ofBooking, 4);
    expect(seen.map((event) => event.type)).toEqual(['request.created', 'slot.booked', 'appointment.booked', 'request.updated']);
    expect(seen.map((event) => event.id)).toEqual([...seen.map((event) => event.id)].sort((x, y) => x - y));
    expect(seen[1]).toMatchObject({
      entity: 'slot',
      entityId: slotId,
      version: 2,
      data: { centreId: centres.clinic, state: 'booked', bookedCount: 1, modality: 'ct' },
    });
    expect(seen[2]).toMatchObject({ entityId: booked.body.id, version: 1, data: { status: 'booked', requestId: request.id } });
    expect(seen[3]).toMatchObject({ entityId: request.id, version: 2, data: { status: 'booked', reference: request.reference } });
    expect(JSON.stringify(seen)).not.toMatch(/Durand|Paul|1958/); // no patient data in events

    // The clinic sees the booking into its slot (not the request's creation, made before it was theirs).
    expect((await clinicOnB.waitFor(ofBooking, 3)).map((event) => event.id)).toEqual(seen.slice(1).map((event) => event.id));
    await pause(QUIET_MS);
    expect(clinicOnB.events.filter(ofBooking)).toHaveLength(3);
    expect(hospitalOnA.events.map(brief)).toEqual([]);
  });

  it('replays to a console, on its return through the other instance, the three changes it missed, in order', async () => {
    const clinicStaff = await signIn(b, 'imagerie.clinique@creneau.test');
    const live = await open(b, clinicStaff);
    const warmUp = await insertSlot(a.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 29 });
    await secretaryOnA.post(`/api/slots/${warmUp}/hold`, {});
    await live.waitFor(of(warmUp));

    live.disconnect();
    const published = await clinicStaff.post<{ id: string }>('/api/slots', {
      centreId: centres.clinic,
      modality: 'ct',
      start: new Date(Date.now() + 30 * 3_600_000).toISOString(),
      durationMinutes: 20,
      capacity: 1,
      releaseCutoffMinutes: 120,
    });
    expect(published.status).toBe(201);
    const slotId = published.body.id;
    await secretaryOnA.post(`/api/slots/${slotId}/hold`, {});
    await secretaryOnA.request('DELETE', `/api/slots/${slotId}/hold`);

    const onA = await LiveConsole.connect(a.baseUrl, clinicStaff);
    consoles.push(onA);
    onA.lastId = live.lastId;
    expect(await onA.subscribe()).toMatchObject({ status: 'live', replayed: 3 });
    expect(onA.events.map((event) => [event.type, event.entityId, event.version])).toEqual([
      ['slot.published', slotId, 1],
      ['slot.held', slotId, 2],
      ['slot.hold-released', slotId, 3],
    ]);
    expect(onA.events[0].id).toBeGreaterThan(live.lastId ?? 0);
  });

  it('emits an event only once its transaction commits, and nothing of a rolled-back one', async () => {
    const live = await open(b, await signIn(b, 'secretariat@creneau.test'));
    const slotId = await insertSlot(a.dataSource, { centreId: centres.practice, modality: 'radiography', startsInHours: 26 });

    const runner = a.dataSource.createQueryRunner();
    await runner.startTransaction();
    await recordLiveEvent(runner.manager, 'slot.changed', slotId);
    await runner.query('SAVEPOINT attempt');
    await recordLiveEvent(runner.manager, 'slot.withdrawn', slotId);
    await runner.query('ROLLBACK TO SAVEPOINT attempt'); // as a refused booking under its Idempotency-Key
    await pause(QUIET_MS);
    expect(live.events).toEqual([]);
    await runner.commitTransaction();
    await runner.release();
    const [committed] = await live.waitFor(of(slotId));
    expect(committed.type).toBe('slot.changed');

    await expect(
      a.dataSource.transaction(async (manager) => {
        await recordLiveEvent(manager, 'slot.withdrawn', slotId);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await pause(QUIET_MS);
    expect(live.events).toEqual([committed]);
    const [{ unsealed }] = (await a.dataSource.query(`SELECT count(*)::int AS unsealed FROM live_event WHERE id IS NULL`)) as {
      unsealed: number;
    }[];
    expect(unsealed).toBe(0);
  });

  it('numbers events once committed, whatever the order in which the transactions wrote them', async () => {
    const live = await open(a, await signIn(a, 'secretariat@creneau.test'));
    const early = await insertSlot(a.dataSource, { centreId: centres.hospital, modality: 'mri', startsInHours: 40 });
    const late = await insertSlot(a.dataSource, { centreId: centres.hospital, modality: 'mri', startsInHours: 41 });
    const first = a.dataSource.createQueryRunner();
    const second = a.dataSource.createQueryRunner();
    await first.startTransaction();
    await second.startTransaction();
    await recordLiveEvent(first.manager, 'slot.changed', early); // written first…
    await recordLiveEvent(second.manager, 'slot.changed', late);
    await second.commitTransaction();
    const [sealed] = await live.waitFor(of(late)); // sealed and delivered while the other is not committed
    await first.commitTransaction(); // …committed last
    await first.release();
    await second.release();

    const events = await live.waitFor((event) => [early, late].includes(event.entityId), 2);
    expect(events.map((event) => event.entityId)).toEqual([late, early]);
    expect(events[0]).toEqual(sealed);
    expect(events[0].id).toBeLessThan(events[1].id);
  });

  it('scopes events by role: a doctor follows their own requests, not the agenda', async () => {
    const doctor = await open(b, await signIn(b, 'dr.martin@creneau.test'));
    const secretariat = await open(b, await signIn(b, 'secretariat@creneau.test'));
    const request = await newRequest(); // the demo doctor's RPPS is the form's
    const slotId = await insertSlot(a.dataSource, { centreId: centres.hospital, modality: 'ct', startsInHours: 44 });
    await secretaryOnA.post(`/api/slots/${slotId}/hold`, {});

    await secretariat.waitFor(of(slotId));
    const [created] = await doctor.waitFor(of(request.id));
    expect(created).toMatchObject({ type: 'request.created', data: { status: 'to-book' } });
    await pause(QUIET_MS);
    expect(doctor.events.filter((event) => event.entity === 'slot')).toEqual([]);
  });

  it('tells a console too far behind to resync', async () => {
    const live = await open(b, await signIn(b, 'secretariat@creneau.test'));
    const position = live.lastId;
    const slotId = await insertSlot(a.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 48 });
    await a.dataSource.transaction((manager) => recordLiveEvent(manager, 'slot.changed', slotId));
    await a.app.get(LiveFeed).settle(); // sealed: the greatest id
    // A thousand more of the same: more than a console catches up on.
    await a.dataSource.query(
      `INSERT INTO live_event (type, entity, entity_id, version, territory_id, centre_ids, payload)
       SELECT type, entity, entity_id, version, territory_id, centre_ids, payload FROM live_event, generate_series(1, 1000)
        WHERE id = (SELECT max(id) FROM live_event)`,
    );
    await live.waitFor(of(slotId), 1_001);

    const late = await LiveConsole.connect(b.baseUrl, secretaryOnA);
    consoles.push(late);
    expect(await late.subscribe(position)).toEqual({ status: 'resync', head: live.lastId });
    expect(late.events).toEqual([]);
  });

  it('tells the consoles of a change made by a scheduled job: a slot released at its cut-off', async () => {
    const live = await open(b, await signIn(b, 'imagerie.clinique@creneau.test'));
    const slotId = await insertSlot(a.dataSource, {
      centreId: centres.clinic,
      modality: 'ct',
      startsInHours: 2,
      releaseCutoffHours: 3,
    });
    expect(await a.app.get(SlotReleaseJob).tick()).toMatchObject({ outcome: 'ok' });
    const [released] = await live.waitFor(of(slotId));
    expect(released).toMatchObject({ type: 'slot.released', version: 2, data: { state: 'released' } });
  });

  it('lets a console that saw, on another instance, an event this one has not read yet wait for it', async () => {
    const slotId = await insertSlot(a.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 49 });
    await a.app.get(LiveFeed).settle(); // every event so far sealed
    const [{ next }] = (await a.dataSource.query(`SELECT coalesce(max(id), 0)::int + 1 AS next FROM live_event`)) as {
      next: number;
    }[];
    const ahead = await LiveConsole.connect(b.baseUrl, secretaryOnA);
    consoles.push(ahead);
    const answer = ahead.subscribe(next); // as if instance A had already delivered event `next`
    await pause(100);
    await a.dataSource.transaction((manager) => recordLiveEvent(manager, 'slot.changed', slotId)); // event `next`
    expect(await answer).toEqual({ status: 'live', head: next, replayed: 0 });
    await a.dataSource.transaction((manager) => recordLiveEvent(manager, 'slot.withdrawn', slotId));
    const [after] = await ahead.waitFor(of(slotId));
    expect(after).toMatchObject({ id: next + 1, type: 'slot.withdrawn' });
    await pause(QUIET_MS);
    expect(ahead.events).toEqual([after]);

    const lost = await LiveConsole.connect(b.baseUrl, secretaryOnA);
    consoles.push(lost);
    expect(await lost.subscribe(next + 1_000)).toEqual({ status: 'resync', head: next + 1 }); // another database's position
  });

  it('forgets events after a week', async () => {
    const slotId = await insertSlot(a.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 50 });
    await a.dataSource.transaction((manager) => recordLiveEvent(manager, 'slot.changed', slotId));
    await a.app.get(LiveFeed).settle(); // sealed: its time given
    await a.dataSource.query(`UPDATE live_event SET occurred_at = now() - interval '8 days' WHERE entity_id = $1`, [slotId]);
    expect(await a.app.get(LiveRetention).purge()).toBe(1);
    expect(await a.dataSource.query(`SELECT id FROM live_event WHERE entity_id = $1`, [slotId])).toEqual([]);
  });
});
