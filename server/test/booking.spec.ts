import type { AppointmentView, HoldView, RequestEventView, RequestView, SlotView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, DemoCentreKey, insertSlot } from './support/agenda-fixtures';
import { completeForm } from './support/request-fixtures';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

let keyCounter = 0;
const newKey = () => `test-key-${Date.now()}-${++keyCounter}`;

describe('holds, booking and the centre’s answer', () => {
  let server: TestApp;
  let secretary: ApiClient;
  let otherSecretary: ApiClient;
  let clinicStaff: ApiClient;
  let centres: Record<DemoCentreKey, string>;

  const newRequest = async (form = completeForm()) => (await secretary.post<RequestView>('/api/requests', { form })).body;
  const book = (client: ApiClient, requestId: string, slotId: string, key = newKey()) =>
    client.request<AppointmentView & { message?: string; reasons?: { code: string }[] }>('POST', '/api/appointments', {
      body: { requestId, slotId },
      headers: { 'idempotency-key': key },
    });
  const slotState = async (slotId: string) => (await secretary.get<SlotView>(`/api/slots/${slotId}`)).body;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    centres = await demoCentreIds(server.dataSource);
    secretary = await server.signedIn('secretariat');
    await server.dataSource.query(
      `INSERT INTO account (email, display_name, role, password_hash) SELECT 'secretariat2@creneau.test', 'Second secrétariat', role, password_hash FROM account WHERE role = 'secretariat'`,
    );
    otherSecretary = await server.client().login('secretariat2@creneau.test', DEMO_TEST_PASSWORD);
    clinicStaff = await server.client().login('imagerie.clinique@creneau.test', DEMO_TEST_PASSWORD);
  });

  afterAll(() => server.close());

  it('holds a slot for its holder alone, then books it once, whatever the replays', async () => {
    const request = await newRequest();
    const slotId = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 20 });

    const hold = await secretary.post<HoldView>(`/api/slots/${slotId}/hold`, { requestId: request.id });
    expect(hold.status).toBe(201);
    expect(new Date(hold.body.expiresAt).getTime() - Date.now()).toBeGreaterThan(2.5 * 60_000);
    expect((await otherSecretary.post(`/api/slots/${slotId}/hold`, {})).status).toBe(409);
    const elsewhere = await otherSecretary.post<RequestView>('/api/requests', { form: completeForm() });
    expect((await book(otherSecretary, elsewhere.body.id, slotId)).status).toBe(409);

    const key = newKey();
    const booked = await book(secretary, request.id, slotId, key);
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ status: 'booked', slotId, centreId: centres.clinic });
    expect((await slotState(slotId)).state).toBe('booked');

    const replay = await book(secretary, request.id, slotId, key);
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(booked.body);
    const otherBody = await book(secretary, elsewhere.body.id, slotId, key);
    expect(otherBody.status).toBe(422);
    const noKey = await secretary.post('/api/appointments', { requestId: request.id, slotId });
    expect(noKey.status).toBe(400);
    const [{ n }] = (await server.dataSource.query(`SELECT count(*)::int AS n FROM appointment WHERE slot_id = $1`, [
      slotId,
    ])) as { n: number }[];
    expect(n).toBe(1);
  });

  it('lets a hold lapse on its own: an expired hold is no hold', async () => {
    const slotId = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 21 });
    await otherSecretary.post(`/api/slots/${slotId}/hold`, {});
    await server.dataSource.query(`UPDATE slot_hold SET expires_at = now() - interval '1 second' WHERE slot_id = $1`, [slotId]);
    const request = await newRequest();
    expect((await book(secretary, request.id, slotId)).status).toBe(201);
  });

  it('refuses an incomplete request (422, with what is missing) and a slot that does not fit (422, with why)', async () => {
    const form = completeForm();
    const incomplete = await newRequest({ ...form, clinicalElements: '' });
    const slotId = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 22 });
    const refused = await book(secretary, incomplete.id, slotId);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ missing: ['clinicalElements'] });

    const request = await newRequest();
    const ultrasound = await insertSlot(server.dataSource, {
      centreId: centres.clinic,
      modality: 'ultrasound',
      startsInHours: 22,
    });
    const mismatch = await book(secretary, request.id, ultrasound);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.reasons?.map((reason) => reason.code)).toContain('wrong-modality');
    const tooLate = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 80 });
    expect((await book(secretary, request.id, tooLate)).body.reasons?.map((reason) => reason.code)).toContain(
      'after-maximum-delay',
    );
    expect((await book(secretary, request.id, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('follows the centre’s answers: confirm, refuse back to the queue, rebook, done with the result', async () => {
    const request = await newRequest();
    const first = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 23 });
    const appointment = (await book(secretary, request.id, first)).body;

    const practiceStaff = await server.client().login('radiologie.essarts@creneau.test', DEMO_TEST_PASSWORD);
    expect((await practiceStaff.post(`/api/appointments/${appointment.id}/confirm`)).status).toBe(404);
    expect((await secretary.post(`/api/appointments/${appointment.id}/confirm`)).status).toBe(403);
    const confirmed = await clinicStaff.post<AppointmentView>(`/api/appointments/${appointment.id}/confirm`);
    expect(confirmed.body.status).toBe('confirmed');
    expect((await clinicStaff.post(`/api/appointments/${appointment.id}/confirm`)).status).toBe(409);

    const refused = await clinicStaff.post<AppointmentView>(`/api/appointments/${appointment.id}/refuse`, {
      reason: 'scanner en panne',
      slot: 'withdraw',
    });
    expect(refused.body).toMatchObject({ status: 'refused', reason: 'scanner en panne' });
    expect((await slotState(first)).state).toBe('withdrawn');
    const back = (await secretary.get<RequestView>(`/api/requests/${request.id}`)).body;
    expect(back).toMatchObject({ status: 'to-book', refusalCount: 1, lastRefusalReason: 'scanner en panne' });

    const second = await insertSlot(server.dataSource, { centreId: centres.hospital, modality: 'ct', startsInHours: 24 });
    const rebooked = (await book(secretary, request.id, second)).body;
    const hospitalStaff = await server.client().login('imagerie.hopital@creneau.test', DEMO_TEST_PASSWORD);
    const done = await hospitalStaff.post<AppointmentView>(`/api/appointments/${rebooked.id}/done`, {
      result: 'confirmed',
      note: 'lithiase urétérale',
    });
    expect(done.body).toMatchObject({ status: 'done', imagingResult: 'confirmed' });
    expect((await hospitalStaff.post(`/api/appointments/${rebooked.id}/done`, { result: 'maybe' })).status).toBe(400);

    const history = await secretary.get<RequestEventView[]>(`/api/requests/${request.id}/history`);
    expect(history.body.map((event) => [event.action, event.fromStatus, event.toStatus])).toEqual([
      ['create', null, 'to-book'],
      ['book', 'to-book', 'booked'],
      ['confirm', 'booked', 'confirmed'],
      ['refuse', 'confirmed', 'to-book'],
      ['book', 'to-book', 'booked'],
      ['done', 'booked', 'done'],
    ]);
    expect(history.body[3].reason).toBe('scanner en panne');
    // The centre now sees the request booked with it; the other centre does not.
    expect((await hospitalStaff.get(`/api/requests/${request.id}`)).status).toBe(200);
    expect((await practiceStaff.get(`/api/requests/${request.id}`)).status).toBe(404);
  });

  it('cancels (the doctor may, for their own request) and gives the place back', async () => {
    const request = await newRequest();
    const slotId = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 25 });
    const appointment = (await book(secretary, request.id, slotId)).body;
    const doctor = await server.signedIn('doctor');
    expect((await doctor.post(`/api/appointments/${appointment.id}/cancel`, {})).status).toBe(400);
    const cancelled = await doctor.post<AppointmentView>(`/api/appointments/${appointment.id}/cancel`, {
      reason: 'le patient est hospitalisé',
      closeRequest: true,
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect((await slotState(slotId)).state).toBe('free');
    expect((await secretary.get<RequestView>(`/api/requests/${request.id}`)).body.status).toBe('cancelled');
  });

  it('reschedules in one step: the new place is taken and the old one given back', async () => {
    const request = await newRequest();
    const from = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 26 });
    const to = await insertSlot(server.dataSource, { centreId: centres.hospital, modality: 'ct', startsInHours: 27 });
    const appointment = (await book(secretary, request.id, from)).body;
    const moved = await secretary.post<AppointmentView>(`/api/appointments/${appointment.id}/reschedule`, { slotId: to });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ slotId: to, status: 'booked' });
    expect((await slotState(from)).state).toBe('free');
    expect((await slotState(to)).state).toBe('booked');
    const taken = await insertSlot(server.dataSource, {
      centreId: centres.hospital,
      modality: 'ct',
      startsInHours: 28,
      bookedCount: 1,
    });
    expect((await secretary.post(`/api/appointments/${moved.body.id}/reschedule`, { slotId: taken })).status).toBe(409);
    expect((await slotState(to)).state).toBe('booked');
  });

  it('keeps why an appointment moved: on the old appointment and in the history, « Reprogrammé » when none is given', async () => {
    const request = await newRequest();
    const [first, second, third] = await Promise.all(
      [26, 27, 28].map((startsInHours) =>
        insertSlot(server.dataSource, { centreId: centres.hospital, modality: 'ct', startsInHours }),
      ),
    );
    const booked = (await book(secretary, request.id, first)).body;
    const tooShort = await secretary.post(`/api/appointments/${booked.id}/reschedule`, { slotId: second, reason: 'x' });
    expect(tooShort.status).toBe(400);
    expect(Object.keys((tooShort.body as { fields: Record<string, string[]> }).fields)).toEqual(['reason']);

    const moved = await secretary.post<AppointmentView>(`/api/appointments/${booked.id}/reschedule`, {
      slotId: second,
      reason: 'la patiente ne peut pas venir le matin',
    });
    expect(moved.status).toBe(200);
    const movedAgain = await secretary.post<AppointmentView>(`/api/appointments/${moved.body.id}/reschedule`, {
      slotId: third,
    });
    expect(movedAgain.status).toBe(200);

    const history = await secretary.get<RequestEventView[]>(`/api/requests/${request.id}/history`);
    expect(history.body.filter((event) => event.action === 'reschedule').map((event) => event.reason)).toEqual([
      'la patiente ne peut pas venir le matin',
      'Reprogrammé',
    ]);
    const appointments = (await secretary.get<RequestView>(`/api/requests/${request.id}`)).body.appointments;
    expect(appointments.map((appointment) => [appointment.status, appointment.reason])).toEqual([
      ['cancelled', 'la patiente ne peut pas venir le matin'],
      ['cancelled', 'Reprogrammé'],
      ['booked', null],
    ]);
  });
});
