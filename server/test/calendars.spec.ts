import type { AppointmentView, RequestView } from '@creneau/contracts';
import type { CalendarFeedAccess, CalendarFeedView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, DemoCentreKey, insertSlot } from './support/agenda-fixtures';
import { readCalendar, ReadEvent } from './support/ical-reader';
import { completeForm } from './support/request-fixtures';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

let keyCounter = 0;
const DAY = 86_400_000;

describe('calendar feeds', () => {
  let server: TestApp;
  let centres: Record<DemoCentreKey, string>;
  let secretary: ApiClient;
  let coordinator: ApiClient;
  let clinicStaff: ApiClient;
  let hospitalStaff: ApiClient;

  const newFeed = async (client: ApiClient, body: Record<string, unknown>) => {
    const response = await client.post<CalendarFeedAccess>('/api/calendar-feeds', { label: 'Agenda du test', ...body });
    expect(response.status).toBe(201);
    return response.body;
  };
  const fetchFeed = (path: string, headers: Record<string, string> = {}) => fetch(`${server.baseUrl}${path}`, { headers });
  const eventsOf = async (feed: { path: string }) => {
    const response = await fetchFeed(feed.path);
    expect(response.status).toBe(200);
    return readCalendar(await response.text()).events;
  };
  const eventOf = (events: ReadEvent[], uid: string) => events.find((event) => event.uid === uid);
  const book = async (slotId: string) => {
    const request = (await secretary.post<RequestView>('/api/requests', { form: completeForm() })).body;
    const booked = await secretary.request<AppointmentView>('POST', '/api/appointments', {
      body: { requestId: request.id, slotId },
      headers: { 'idempotency-key': `calendar-test-${Date.now()}-${++keyCounter}` },
    });
    expect(booked.status).toBe(201);
    return booked.body;
  };

  beforeAll(async () => {
    // Far enough ahead to hold the next change of summer time, whatever today's date.
    server = await startTestApp({ seedDemo: true, calendarDaysAhead: 240 });
    centres = await demoCentreIds(server.dataSource);
    secretary = await server.signedIn('secretariat');
    coordinator = await server.signedIn('coordinator');
    hospitalStaff = await server.signedIn('centre');
    clinicStaff = await server.client().login('imagerie.clinique@creneau.test', DEMO_TEST_PASSWORD);
  });

  afterAll(() => server.close());

  it('follows an appointment through booking, confirmation, rescheduling and cancellation, its SEQUENCE growing', async () => {
    const feed = await newFeed(clinicStaff, { scope: 'centre', centreId: centres.clinic });
    const first = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 20 });
    const second = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 22 });
    const appointment = await book(first);
    const uid = `appointment-${appointment.id}@creneau`;

    const booked = eventOf(await eventsOf(feed), uid);
    expect(booked).toMatchObject({
      status: 'TENTATIVE',
      start: appointment.start,
      end: appointment.end,
      startTzid: 'Europe/Paris',
    });
    expect(booked?.summary).toContain('À confirmer');
    expect(booked?.dtstamp).toMatch(/Z$/);
    expect(booked?.lastModified).toMatch(/Z$/);
    expect(eventOf(await eventsOf(feed), `slot-${first}@creneau`)).toMatchObject({
      status: 'CONFIRMED',
      summary: expect.stringContaining('réservé'),
    });

    expect((await clinicStaff.post(`/api/appointments/${appointment.id}/confirm`)).status).toBe(200);
    const confirmed = eventOf(await eventsOf(feed), uid);
    expect(confirmed?.status).toBe('CONFIRMED');
    expect(confirmed?.sequence).toBeGreaterThan(booked?.sequence ?? Infinity);

    const moved = await secretary.post<AppointmentView>(`/api/appointments/${appointment.id}/reschedule`, { slotId: second });
    expect(moved.status).toBe(200);
    const afterMove = await eventsOf(feed);
    const old = eventOf(afterMove, uid);
    expect(old?.status).toBe('CANCELLED');
    expect(old?.sequence).toBeGreaterThan(confirmed?.sequence ?? Infinity);
    expect(eventOf(afterMove, `appointment-${moved.body.id}@creneau`)).toMatchObject({
      status: 'TENTATIVE',
      start: moved.body.start,
    });

    expect((await secretary.post(`/api/appointments/${moved.body.id}/cancel`, { reason: 'Patient hospitalisé' })).status).toBe(
      200,
    );
    const cancelled = eventOf(await eventsOf(feed), `appointment-${moved.body.id}@creneau`);
    expect(cancelled?.status).toBe('CANCELLED');
    expect(cancelled?.sequence).toBeGreaterThan(1);
  });

  it('writes times right on both sides of the next change of summer time', async () => {
    const changeover = nextChangeover(new Date());
    const before = parisTenOClock(new Date(changeover.getTime() - DAY));
    const after = parisTenOClock(new Date(changeover.getTime() + DAY));
    // Both at 10:00 wall time: two days apart, give or take the hour the clocks moved.
    expect(Math.abs(after.getTime() - before.getTime() - 2 * DAY)).toBe(3_600_000);
    const ids = await Promise.all([before, after].map((startsAt) => insertSlotAt(server, centres.hospital, startsAt)));
    const feed = await newFeed(hospitalStaff, { scope: 'centre', centreId: centres.hospital });
    const raw = await (await fetchFeed(feed.path)).text();
    expect(raw).toContain(`DTSTART;TZID=Europe/Paris:${wall(before)}T100000`);
    expect(raw).toContain(`DTSTART;TZID=Europe/Paris:${wall(after)}T100000`);
    const events = readCalendar(raw).events;
    const [a, b] = ids.map((id) => eventOf(events, `slot-${id}@creneau`));
    expect([a?.start, a?.end]).toEqual([before.toISOString(), new Date(before.getTime() + 20 * 60_000).toISOString()]);
    expect([b?.start, b?.end]).toEqual([after.toISOString(), new Date(after.getTime() + 20 * 60_000).toISOString()]);
  });

  it('keeps to the window: nothing past its end, nor more than its days back', async () => {
    const late = await insertSlotAt(server, centres.practice, new Date(Date.now() + 250 * DAY));
    const old = await insertSlotAt(server, centres.practice, new Date(Date.now() - 8 * DAY));
    const recent = await insertSlotAt(server, centres.practice, new Date(Date.now() - 6 * DAY));
    const coordinatorFeed = await newFeed(coordinator, { scope: 'centre', centreId: centres.practice });
    const uids = (await eventsOf(coordinatorFeed)).map((event) => event.uid);
    expect(uids).toContain(`slot-${recent}@creneau`);
    expect(uids).not.toContain(`slot-${late}@creneau`);
    expect(uids).not.toContain(`slot-${old}@creneau`);
  });

  it('answers 404 to a wrong, malformed, revoked or replaced token, and never shows a centre another’s appointments', async () => {
    const clinicFeed = await newFeed(clinicStaff, { scope: 'centre', centreId: centres.clinic });
    const hospitalFeed = await newFeed(hospitalStaff, { scope: 'centre', centreId: centres.hospital });
    const appointment = await book(
      await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 24 }),
    );
    const atHospital = await book(
      await insertSlot(server.dataSource, { centreId: centres.hospital, modality: 'ct', startsInHours: 25 }),
    );

    const hospitalUids = (await eventsOf(hospitalFeed)).map((event) => event.uid);
    expect(hospitalUids).toContain(`appointment-${atHospital.id}@creneau`);
    const clinicIds = (await server.dataSource.query(`SELECT id FROM appointment WHERE centre_id = $1`, [centres.clinic])) as {
      id: string;
    }[];
    expect(clinicIds.length).toBeGreaterThan(0);
    for (const { id } of clinicIds) expect(hospitalUids).not.toContain(`appointment-${id}@creneau`);
    expect((await eventsOf(clinicFeed)).map((event) => event.uid)).not.toContain(`appointment-${atHospital.id}@creneau`);

    const wrong = ['A'.repeat(43), 'short', '%00', `${clinicFeed.token}&token=${clinicFeed.token}`].map(
      (token) => `token=${token}`,
    );
    for (const path of ['/api/calendars/feed.ics', ...wrong.map((query) => `/api/calendars/feed.ics?${query}`)]) {
      expect((await fetchFeed(path)).status).toBe(404);
    }
    const regenerated = await clinicStaff.post<CalendarFeedAccess>(`/api/calendar-feeds/${clinicFeed.id}/regenerate`, {
      reason: 'Téléphone perdu',
    });
    expect(regenerated.status).toBe(200);
    expect(regenerated.body.token).not.toBe(clinicFeed.token);
    expect((await fetchFeed(clinicFeed.path)).status).toBe(404);
    expect(eventOf(await eventsOf(regenerated.body), `appointment-${appointment.id}@creneau`)).toBeDefined();

    const revoked = await clinicStaff.post<CalendarFeedView>(`/api/calendar-feeds/${clinicFeed.id}/revoke`, { reason: 'Départ' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    expect((await fetchFeed(regenerated.body.path)).status).toBe(404);
    expect((await clinicStaff.post(`/api/calendar-feeds/${clinicFeed.id}/regenerate`, { reason: 'Retour' })).status).toBe(409);

    const audit = (await server.dataSource.query(
      `SELECT action FROM audit_event WHERE entity = 'calendar-feed' AND entity_id = $1 ORDER BY id`,
      [clinicFeed.id],
    )) as { action: string }[];
    expect(audit.map((row) => row.action)).toEqual(['create', 'regenerate-token', 'revoke']);
  });

  it('serves text/calendar, private, with a strong ETag and a 304 while nothing changed', async () => {
    const feed = await newFeed(clinicStaff, { scope: 'centre', centreId: centres.clinic });
    const first = await fetchFeed(feed.path);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(first.headers.get('cache-control')).toMatch(/^private\b/);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);
    const body = await first.text();

    const again = await fetchFeed(feed.path, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await fetchFeed(feed.path)).headers.get('etag')).toBe(etag);
    // Another feed of the same centre has the same text, hence the same tag: checked here by writing it.
    const twin = await newFeed(clinicStaff, { scope: 'centre', centreId: centres.clinic, label: 'Autre poste' });
    expect((await fetchFeed(twin.path, { 'if-none-match': etag })).status).toBe(304);

    const appointment = await book(
      await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 26 }),
    );
    const changed = await fetchFeed(feed.path, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const text = await changed.text();
    expect(text).not.toBe(body);
    expect(text).toContain(`appointment-${appointment.id}@creneau`);
  });

  it('names the exam, the centre and the reference, never the diagnosis; the patient only by the centre’s audited choice', async () => {
    const feed = await newFeed(clinicStaff, { scope: 'centre', centreId: centres.clinic });
    const radiologist = await newFeed(clinicStaff, { scope: 'account' });
    const secretariat = await newFeed(secretary, { scope: 'secretariat' });
    const appointment = await book(
      await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 28 }),
    );
    const uid = `appointment-${appointment.id}@creneau`;
    const [{ reference }] = (await server.dataSource.query(`SELECT reference FROM imaging_request WHERE id = $1`, [
      appointment.requestId,
    ])) as { reference: string }[];

    const plain = eventOf(await eventsOf(feed), uid);
    expect(plain?.summary).toContain('Scanner');
    expect(plain?.summary).toContain(reference);
    expect(plain?.location).toContain('Clinique du Bocage');
    expect(plain?.description).toContain('Abdomen et pelvis, sans injection');
    const everything = JSON.stringify(plain).toLowerCase();
    for (const secret of ['durand', 'colique', 'renal', 'néphrétique', 'hématurie', 'douleur'])
      expect(everything).not.toContain(secret);

    expect((await clinicStaff.patch(`/api/centres/${centres.clinic}/calendar-settings`, { showPatientNames: true })).status).toBe(
      400,
    );
    expect(
      (await hospitalStaff.patch(`/api/centres/${centres.clinic}/calendar-settings`, { showPatientNames: true, reason: 'Essai' }))
        .status,
    ).toBe(403);
    const changed = await clinicStaff.patch(`/api/centres/${centres.clinic}/calendar-settings`, {
      showPatientNames: true,
      reason: 'Demande des manipulateurs',
    });
    expect(changed.status).toBe(200);
    expect((await clinicStaff.get(`/api/centres/${centres.clinic}/calendar-settings`)).body).toEqual({
      centreId: centres.clinic,
      showPatientNames: true,
    });
    const named = await fetchFeed(feed.path);
    expect(eventOf(readCalendar(await named.text()).events, uid)?.summary).toContain('DURAND Paul');
    expect(eventOf(await eventsOf(radiologist), uid)?.summary).toContain('DURAND Paul');
    const territory = eventOf(await eventsOf(secretariat), uid);
    expect(territory?.summary).toContain(reference);
    expect(JSON.stringify(territory)).not.toContain('DURAND');

    const [audit] = (await server.dataSource.query(
      `SELECT reason, details FROM audit_event WHERE action = 'calendar-settings' AND entity_id = $1`,
      [centres.clinic],
    )) as { reason: string; details: Record<string, unknown> }[];
    expect(audit).toEqual({ reason: 'Demande des manipulateurs', details: { showPatientNames: { from: false, to: true } } });
    const reads = (await server.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE entity = 'calendar-feed' AND action = 'read' AND entity_id = $1`,
      [feed.id],
    )) as { n: number }[];
    expect(reads[0].n).toBeGreaterThan(0);
    await clinicStaff.patch(`/api/centres/${centres.clinic}/calendar-settings`, { showPatientNames: false, reason: 'Retour' });
    // A client still holding the named text is not told it is current.
    const unnamed = await fetchFeed(feed.path, { 'if-none-match': named.headers.get('etag') ?? '' });
    expect(unnamed.status).toBe(200);
    expect(await unnamed.text()).not.toContain('DURAND');
  });

  it('lets each side manage only its own feeds, with 400 and the fields on bad input', async () => {
    expect(
      (await hospitalStaff.post('/api/calendar-feeds', { scope: 'centre', centreId: centres.clinic, label: 'x' })).status,
    ).toBe(403);
    expect((await hospitalStaff.post('/api/calendar-feeds', { scope: 'secretariat', label: 'x' })).status).toBe(403);
    expect((await secretary.post('/api/calendar-feeds', { scope: 'centre', centreId: centres.clinic, label: 'x' })).status).toBe(
      403,
    );
    expect((await secretary.post('/api/calendar-feeds', { scope: 'account', label: 'x' })).status).toBe(403);
    expect(
      (
        await coordinator.post('/api/calendar-feeds', {
          scope: 'centre',
          centreId: '00000000-0000-4000-8000-000000000000',
          label: 'x',
        })
      ).status,
    ).toBe(404);
    const missing = await clinicStaff.post<{ fields: Record<string, string[]> }>('/api/calendar-feeds', {
      scope: 'centre',
      label: '',
    });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.fields).sort()).toEqual(['centreId', 'label']);
    const stray = await secretary.post<{ fields: Record<string, string[]> }>('/api/calendar-feeds', {
      scope: 'secretariat',
      centreId: centres.clinic,
      label: 'x',
    });
    expect(stray.status).toBe(400);
    expect(Object.keys(stray.body.fields)).toEqual(['centreId']);

    const clinicFeed = await newFeed(clinicStaff, { scope: 'centre', centreId: centres.clinic, label: 'Poste accueil' });
    const secretariatFeed = await newFeed(secretary, { scope: 'secretariat', label: 'Agenda partagé' });
    expect(clinicFeed.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [stored] = (await server.dataSource.query(`SELECT encode(token_hash, 'hex') AS hash FROM calendar_feed WHERE id = $1`, [
      clinicFeed.id,
    ])) as { hash: string }[];
    expect(stored.hash).not.toContain(Buffer.from(clinicFeed.token).toString('hex'));

    const ids = async (client: ApiClient) =>
      (await client.get<CalendarFeedView[]>('/api/calendar-feeds')).body.map((feed) => feed.id);
    expect(await ids(clinicStaff)).toContain(clinicFeed.id);
    expect(await ids(clinicStaff)).not.toContain(secretariatFeed.id);
    expect(await ids(hospitalStaff)).not.toContain(clinicFeed.id);
    expect(await ids(secretary)).toEqual(expect.arrayContaining([secretariatFeed.id]));
    expect(await ids(secretary)).not.toContain(clinicFeed.id);
    expect(await ids(coordinator)).toEqual(expect.arrayContaining([clinicFeed.id, secretariatFeed.id]));
    expect(JSON.stringify((await clinicStaff.get('/api/calendar-feeds')).body)).not.toContain(clinicFeed.token);

    expect((await hospitalStaff.post(`/api/calendar-feeds/${clinicFeed.id}/revoke`, { reason: 'Essai' })).status).toBe(404);
    expect((await secretary.post(`/api/calendar-feeds/${clinicFeed.id}/regenerate`, { reason: 'Essai' })).status).toBe(404);
    expect((await coordinator.post(`/api/calendar-feeds/${secretariatFeed.id}/revoke`, { reason: 'Fin' })).status).toBe(200);
  });

  it('gives one appointment as an .ics, with the feeds’ UID, to whoever may see it', async () => {
    const appointment = await book(
      await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 30 }),
    );
    const response = await secretary.request<string>('GET', `/api/appointments/${appointment.id}/calendar.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const { calendar, events } = readCalendar(response.body);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toEqual([
      expect.objectContaining({ uid: `appointment-${appointment.id}@creneau`, status: 'TENTATIVE', start: appointment.start }),
    ]);
    expect((await hospitalStaff.get(`/api/appointments/${appointment.id}/calendar.ics`)).status).toBe(404);
  });
});

async function insertSlotAt(server: TestApp, centreId: string, startsAt: Date): Promise<string> {
  const [row] = (await server.dataSource.query(
    `INSERT INTO slot (centre_id, modality, starts_at, ends_at, release_at, origin)
     VALUES ($1, 'radiography', $2, $2::timestamptz + interval '20 minutes', $2::timestamptz - interval '2 hours', 'manual') RETURNING id`,
    [centreId, startsAt],
  )) as { id: string }[];
  return row.id;
}

/** The first instant after `from` where Paris changes its offset, to the hour: the day found first, then the hour. */
function nextChangeover(from: Date): Date {
  const offset = (instant: number) => parisOffsetMinutes(new Date(instant));
  const start = offset(from.getTime());
  let instant = from.getTime();
  while (offset(instant + DAY) === start) instant += DAY;
  instant = Math.floor(instant / 3_600_000) * 3_600_000;
  while (offset(instant) === start) instant += 3_600_000;
  return new Date(instant);
}

function parisOffsetMinutes(date: Date): number {
  const local = new Date(date.toLocaleString('en-US', { timeZone: 'Europe/Paris' }));
  const utc = new Date(date.toLocaleString('en-US', { timeZone: 'UTC' }));
  return (local.getTime() - utc.getTime()) / 60_000;
}

/** 10:00 in Paris on that date's Paris day. */
function parisTenOClock(day: Date): Date {
  const [year, month, date] =
    wall(day)
      .match(/^(\d{4})(\d{2})(\d{2})$/)
      ?.slice(1)
      .map(Number) ?? [];
  const guess = new Date(Date.UTC(year, month - 1, date, 10));
  return new Date(guess.getTime() - parisOffsetMinutes(guess) * 60_000);
}

/** yyyymmdd of the Paris day. */
function wall(date: Date): string {
  return date.toLocaleDateString('sv-SE', { timeZone: 'Europe/Paris' }).replace(/-/g, '');
}
