import type { AppointmentView, RequestView } from '@creneau/contracts';
import { OutboxSender } from '../src/messages/outbox-sender.service';
import type { UnsentMessageView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, DemoCentreKey, insertSlot } from './support/agenda-fixtures';
import { readCalendar } from './support/ical-reader';
import { completeForm } from './support/request-fixtures';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

const CPTS = 'coordination.cpts@creneau.test';
let keyCounter = 0;

interface OutboxRow {
  kind: string;
  recipients: string[];
  copy_to: string[];
  recipient_note: string | null;
  subject: string;
  body_text: string;
  ics: string;
  status: string;
  last_error: string | null;
}

describe('messages to the requesting doctor, through the outbox', () => {
  let server: TestApp;
  let centres: Record<DemoCentreKey, string>;
  let secretary: ApiClient;
  let clinicStaff: ApiClient;
  let hour = 20;

  const newSlot = () => insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: hour++ });
  const book = async (slotId: string, form = completeForm()) => {
    const request = (await secretary.post<RequestView>('/api/requests', { form })).body;
    return secretary.request<AppointmentView>('POST', '/api/appointments', {
      body: { requestId: request.id, slotId },
      headers: { 'idempotency-key': `messages-test-${Date.now()}-${++keyCounter}` },
    });
  };
  const messagesOf = async (requestId: string) =>
    (await server.dataSource.query(
      `SELECT kind, recipients, copy_to, recipient_note, subject, body_text, ics, status, last_error
         FROM outbox_message WHERE request_id = $1 ORDER BY created_at, id`,
      [requestId],
    )) as OutboxRow[];

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true, cptsEmail: CPTS, smtpUrl: undefined });
    centres = await demoCentreIds(server.dataSource);
    secretary = await server.signedIn('secretariat');
    clinicStaff = await server.client().login('imagerie.clinique@creneau.test', DEMO_TEST_PASSWORD);
  });

  afterAll(() => server.close());

  it('writes a booking’s message with the change: to the doctor’s account, the CPTS in copy, the appointment attached', async () => {
    const booked = await book(await newSlot());
    expect(booked.status).toBe(201);
    const [message] = await messagesOf(booked.body.requestId);
    expect(message).toMatchObject({
      kind: 'booked',
      recipients: ['dr.martin@creneau.test'],
      copy_to: [CPTS],
      recipient_note: null,
      status: 'pending',
    });
    expect(message.subject).toMatch(/^Rendez-vous d’imagerie réservé — demande CR-\d{4}-\d{6}$/);
    expect(message.body_text).toContain('Bonjour Dr Jeanne Martin,');
    expect(message.body_text).toContain('Centre : Clinique du Bocage — imagerie');
    const text = `${message.subject}\n${message.body_text}\n${message.ics}`.toLowerCase();
    for (const secret of ['colique', 'néphrétique', 'renal', 'hématurie', 'durand']) expect(text).not.toContain(secret);
    const { calendar, events } = readCalendar(message.ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(events).toEqual([
      expect.objectContaining({ uid: `appointment-${booked.body.id}@creneau`, status: 'TENTATIVE', start: booked.body.start }),
    ]);
  });

  it('tells about a refusal, a cancellation and a move, each with the appointment as it now is', async () => {
    const refusedBooking = await book(await newSlot());
    const refused = await clinicStaff.post(`/api/appointments/${refusedBooking.body.id}/refuse`, {
      reason: 'Scanner en panne',
      slot: 'withdraw',
    });
    expect(refused.status).toBe(200);
    const [, refusal] = await messagesOf(refusedBooking.body.requestId);
    expect(refusal.kind).toBe('refused');
    expect(refusal.body_text).not.toContain('Scanner en panne');
    expect(readCalendar(refusal.ics).events[0]).toMatchObject({ status: 'CANCELLED', sequence: 2 });

    const moving = await book(await newSlot());
    const moved = await secretary.post<AppointmentView>(`/api/appointments/${moving.body.id}/reschedule`, {
      slotId: await newSlot(),
    });
    expect(moved.status).toBe(200);
    const [, move] = await messagesOf(moving.body.requestId);
    expect(move.kind).toBe('rescheduled');
    expect(move.body_text).toContain('Il était prévu le');
    const statuses = Object.fromEntries(readCalendar(move.ics).events.map((event) => [event.uid, event.status]));
    expect(statuses).toEqual({
      [`appointment-${moving.body.id}@creneau`]: 'CANCELLED',
      [`appointment-${moved.body.id}@creneau`]: 'TENTATIVE',
    });

    const cancelled = await secretary.post(`/api/appointments/${moved.body.id}/cancel`, {
      reason: 'Examen fait ailleurs',
      closeRequest: true,
    });
    expect(cancelled.status).toBe(200);
    const cancellation = (await messagesOf(moving.body.requestId)).at(-1);
    expect(cancellation?.kind).toBe('cancelled');
    expect(cancellation?.body_text).toContain('La demande est close.');
    expect(cancellation?.body_text).not.toContain('Examen fait ailleurs');
    expect(readCalendar(cancellation?.ics ?? '').events[0]).toMatchObject({ status: 'CANCELLED' });
  });

  it('writes to the CPTS alone when no doctor account has the RPPS, and says so', async () => {
    const form = completeForm({ doctor: { name: 'Dr Paul Remplaçant', rpps: '10009999999', phone: '02 51 00 00 00' } });
    const booked = await book(await newSlot(), form);
    const [message] = await messagesOf(booked.body.requestId);
    expect(message).toMatchObject({ recipients: [CPTS], copy_to: [], status: 'pending' });
    expect(message.recipient_note).toBe(
      'Aucun compte médecin actif pour le RPPS 10009999999 : message envoyé à la CPTS seulement.',
    );
  });

  it('writes nothing when the change does not happen', async () => {
    const slotId = await newSlot();
    expect((await book(slotId)).status).toBe(201);
    const late = await book(slotId);
    expect(late.status).toBe(409);
    expect(await messagesOf(late.body.requestId)).toEqual([]);
  });

  it('keeps messages pending without SMTP and lists them as unsent for the secretariat and the coordination', async () => {
    const booked = await book(await newSlot());
    const counts = await server.dataSource.transaction((manager) => server.app.get(OutboxSender).sendDue(manager, new Date()));
    expect(counts).toEqual({ sent: 0, retrying: 0, failed: 0 });
    const unsent = await secretary.get<UnsentMessageView[]>('/api/messages/unsent');
    expect(unsent.status).toBe(200);
    expect(unsent.body.find((message) => message.requestId === booked.body.requestId)).toMatchObject({
      kind: 'booked',
      status: 'pending',
      attempts: 0,
      recipients: ['dr.martin@creneau.test'],
      copyTo: [CPTS],
      reference: expect.stringMatching(/^CR-/),
      // Whoever reads the list can phone the doctor instead.
      doctorName: 'Dr Jeanne Martin',
      doctorPhone: '02 51 12 34 56',
    });
    expect((await clinicStaff.get('/api/messages/unsent')).status).toBe(403);
  });
});
