import type { AppointmentView, AuditEventView, RequestSummary, RequestView } from '@creneau/contracts';
import { ChaseJob } from '../src/jobs/chase/chase.job';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot } from './support/agenda-fixtures';
import { ClockedApp, startClockedApp } from './support/clocked-app';
import { FakeClock } from './support/fake-clock';
import { book, historyOf, liveEventsOf, newRequest, receivedAt, slotStartsAt } from './support/job-fixtures';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
// Friday 20 November 2026, 16:00 in Paris; 4 working hours later is Monday 23 November, 10:00.
const FRIDAY_16H = new Date('2026-11-20T16:00:00+01:00');
const MONDAY_10H = new Date('2026-11-23T10:00:00+01:00');

describe('chase job: unanswered bookings, requests nearing their target or past their maximum', () => {
  const clock = new FakeClock();
  let server: ClockedApp;
  let job: ChaseJob;
  let secretary: ApiClient;
  let hospitalStaff: ApiClient;
  let coordinator: ApiClient;
  let hospital: string;

  const counts = async () => {
    const result = await job.tick();
    if (result.outcome !== 'ok') throw new Error(`chase ran ${result.outcome}`);
    return result.counts;
  };
  const column = async (table: 'appointment' | 'imaging_request', column: string, id: string) =>
    ((await server.dataSource.query(`SELECT ${column} AS value FROM ${table} WHERE id = $1`, [id])) as { value: unknown }[])[0]
      .value;
  const bookedOn = async (instant: Date) => {
    const request = await newRequest(secretary);
    const slotId = await insertSlot(server.dataSource, { centreId: hospital, modality: 'ct', startsInHours: 20 });
    const appointment = await book(secretary, request.id, slotId);
    // Deadlines a month away: only the booking's answer is at stake here.
    await receivedAt(server.dataSource, request.id, new Date(instant.getTime() + 30 * DAY));
    await server.dataSource.query(`UPDATE appointment SET booked_at = $2 WHERE id = $1`, [appointment.id, instant]);
    return appointment;
  };

  beforeAll(async () => {
    server = await startClockedApp(clock);
    job = server.app.get(ChaseJob);
    secretary = await server.signedIn('secretariat');
    hospitalStaff = await server.signedIn('centre');
    coordinator = await server.signedIn('coordinator');
    hospital = (await demoCentreIds(server.dataSource)).hospital;
  });

  afterAll(() => server.close());

  it('flags a booking still unanswered after 4 working hours, once, with its history, unless the centre answered', async () => {
    const unanswered = await bookedOn(FRIDAY_16H);
    const confirmed = await bookedOn(FRIDAY_16H);
    expect((await hospitalStaff.post(`/api/appointments/${confirmed.id}/confirm`)).status).toBe(200);

    clock.set(MONDAY_10H.getTime() - 10 * MINUTE);
    expect(await counts()).toEqual({ unansweredBookings: 0, nearTarget: 0, overDeadline: 0 });
    expect(await column('appointment', 'chased_at', unanswered.id)).toBeNull();

    clock.set(MONDAY_10H);
    expect(await counts()).toEqual({ unansweredBookings: 1, nearTarget: 0, overDeadline: 0 });
    expect(await column('appointment', 'chased_at', unanswered.id)).toEqual(MONDAY_10H);
    expect(await column('appointment', 'chased_at', confirmed.id)).toBeNull();
    expect((await historyOf(secretary, unanswered.requestId)).at(-1)).toMatchObject({
      accountId: null,
      action: 'chase',
      appointmentId: unanswered.id,
      reason: 'Sans réponse du centre 4 h ouvrées après la réservation',
    });
    const audit = await coordinator.get<AuditEventView[]>(`/api/audit?entity=appointment&entityId=${unanswered.id}&limit=10`);
    expect(audit.body[0]).toMatchObject({ accountId: null, action: 'chase', imagingRequestId: unanswered.requestId });

    // The secretariat's and the centre's consoles are told, and both read the flag through the API.
    expect((await liveEventsOf(server.dataSource, unanswered.id)).at(-1)).toEqual({
      type: 'appointment.flagged',
      version: 2,
      centreIds: [hospital],
      doctorRpps: expect.any(String),
      payload: expect.objectContaining({ appointmentId: unanswered.id, status: 'booked' }),
    });
    expect((await liveEventsOf(server.dataSource, confirmed.id)).map((event) => event.type)).not.toContain('appointment.flagged');
    const seenByCentre = await hospitalStaff.get<AppointmentView>(`/api/appointments/${unanswered.id}`);
    expect(seenByCentre.body).toMatchObject({ chasedAt: MONDAY_10H.toISOString(), lostToFollowUpAt: null, version: 2 });
    expect((await hospitalStaff.get<AppointmentView>(`/api/appointments/${confirmed.id}`)).body.chasedAt).toBeNull();
    const queue = await secretary.get<RequestSummary[]>('/api/requests?status=open');
    expect(queue.body.find((line) => line.id === unanswered.requestId)?.appointment).toMatchObject({
      id: unanswered.id,
      chasedAt: MONDAY_10H.toISOString(),
    });

    clock.set(MONDAY_10H.getTime() + 5 * MINUTE);
    expect(await counts()).toEqual({ unansweredBookings: 0, nearTarget: 0, overDeadline: 0 });
    expect((await liveEventsOf(server.dataSource, unanswered.id)).filter((e) => e.type === 'appointment.flagged')).toHaveLength(
      1,
    );
  });

  it('raises an unbooked request 6 h before its target, and flags it past its maximum', async () => {
    const received = new Date('2026-11-24T12:00:00+01:00');
    const waiting = await newRequest(secretary);
    await receivedAt(server.dataSource, waiting.id, received);
    // Booked and confirmed, but into a slot after its 72 h: past the maximum too, never "near target".
    const late = await newRequest(secretary);
    const lateSlot = await insertSlot(server.dataSource, { centreId: hospital, modality: 'ct', startsInHours: 21 });
    const lateAppointment = await book(secretary, late.id, lateSlot);
    expect((await hospitalStaff.post(`/api/appointments/${lateAppointment.id}/confirm`)).status).toBe(200);
    await receivedAt(server.dataSource, late.id, received);
    await slotStartsAt(server.dataSource, lateSlot, new Date(received.getTime() + 80 * HOUR));

    clock.set(received.getTime() + 41 * HOUR);
    expect(await counts()).toEqual({ unansweredBookings: 0, nearTarget: 0, overDeadline: 0 });
    clock.set(received.getTime() + 43 * HOUR);
    expect(await counts()).toEqual({ unansweredBookings: 0, nearTarget: 1, overDeadline: 0 });
    expect(await column('imaging_request', 'near_target_at', waiting.id)).toEqual(clock.now());
    const raisedAt = clock.now().toISOString();
    expect((await liveEventsOf(server.dataSource, waiting.id)).at(-1)).toMatchObject({
      type: 'request.updated',
      version: 2,
      payload: { requestId: waiting.id, status: 'to-book' },
    });
    const queueLine = async (id: string) =>
      (await secretary.get<RequestSummary[]>('/api/requests?status=open')).body.find((line) => line.id === id);
    expect(await queueLine(waiting.id)).toMatchObject({ nearTargetAt: raisedAt, overDeadlineAt: null, version: 2 });
    clock.set(received.getTime() + 72 * HOUR - 5 * MINUTE);
    expect(await counts()).toEqual({ unansweredBookings: 0, nearTarget: 0, overDeadline: 0 });
    clock.set(received.getTime() + 72 * HOUR);
    expect(await counts()).toEqual({ unansweredBookings: 0, nearTarget: 0, overDeadline: 2 });
    expect(await column('imaging_request', 'over_deadline_at', late.id)).toEqual(clock.now());
    const flaggedAt = clock.now().toISOString();
    expect(await queueLine(waiting.id)).toMatchObject({ nearTargetAt: raisedAt, overDeadlineAt: flaggedAt, version: 3 });
    // The centre of the late appointment sees it too: its live event and the request as the API gives it.
    expect((await liveEventsOf(server.dataSource, late.id)).at(-1)).toMatchObject({
      type: 'request.updated',
      centreIds: [hospital],
      payload: { requestId: late.id, status: 'confirmed' },
    });
    expect((await hospitalStaff.get<RequestView>(`/api/requests/${late.id}`)).body).toMatchObject({
      nearTargetAt: null,
      overDeadlineAt: flaggedAt,
    });
    expect((await liveEventsOf(server.dataSource, waiting.id)).map((event) => event.type)).toEqual([
      'request.created',
      'request.updated',
      'request.updated',
    ]);

    expect((await historyOf(secretary, waiting.id)).slice(-2)).toEqual([
      expect.objectContaining({
        accountId: null,
        action: 'near-target',
        reason: 'Objectif de 48 h proche, toujours sans rendez-vous',
      }),
      expect.objectContaining({ accountId: null, action: 'over-deadline', reason: 'Délai maximal de 72 h dépassé sans examen' }),
    ]);
    clock.set(received.getTime() + 96 * HOUR);
    expect(await counts()).toEqual({ unansweredBookings: 0, nearTarget: 0, overDeadline: 0 });
  });

  it('leaves a request booked on time alone', async () => {
    const received = new Date('2026-11-28T09:00:00+01:00');
    const onTime = await newRequest(secretary);
    const slotId = await insertSlot(server.dataSource, { centreId: hospital, modality: 'ct', startsInHours: 22 });
    const appointment = await book(secretary, onTime.id, slotId);
    expect((await hospitalStaff.post(`/api/appointments/${appointment.id}/confirm`)).status).toBe(200);
    await receivedAt(server.dataSource, onTime.id, received);
    await slotStartsAt(server.dataSource, slotId, new Date(received.getTime() + 30 * HOUR));

    clock.set(received.getTime() + 73 * HOUR);
    await counts();
    expect(await column('imaging_request', 'near_target_at', onTime.id)).toBeNull();
    expect(await column('imaging_request', 'over_deadline_at', onTime.id)).toBeNull();
  });
});
