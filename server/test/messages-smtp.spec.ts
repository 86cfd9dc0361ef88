import type { AppointmentView, RequestView } from '@creneau/contracts';
import { OutboxJob } from '../src/messages/outbox.job';
import { OutboxSender } from '../src/messages/outbox-sender.service';
import type { UnsentMessageView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot } from './support/agenda-fixtures';
import { readCalendar } from './support/ical-reader';
import { leaves, readMail } from './support/mail-reader';
import { completeForm } from './support/request-fixtures';
import { SmtpListener, startSmtpListener } from './support/smtp-listener';
import { startTestApp, TestApp } from './support/test-app';

const CPTS = 'coordination.cpts@creneau.test';
const FROM = 'Créneau CPTS <creneau@cpts.test>';
let keyCounter = 0;

describe('sending the outbox to a real SMTP listener on loopback', () => {
  let smtp: SmtpListener;
  let server: TestApp;
  let secretary: ApiClient;
  let clinic: string;
  let hour = 20;

  const bookOne = async () => {
    const request = (await secretary.post<RequestView>('/api/requests', { form: completeForm() })).body;
    const slotId = await insertSlot(server.dataSource, { centreId: clinic, modality: 'ct', startsInHours: hour++ });
    const booked = await secretary.request<AppointmentView>('POST', '/api/appointments', {
      body: { requestId: request.id, slotId },
      headers: { 'idempotency-key': `smtp-test-${Date.now()}-${++keyCounter}` },
    });
    expect(booked.status).toBe(201);
    return booked.body;
  };
  const sendDue = (now: Date) => server.dataSource.transaction((manager) => server.app.get(OutboxSender).sendDue(manager, now));
  const messageOf = async (requestId: string) =>
    (
      (await server.dataSource.query(
        `SELECT status, attempts, last_error, next_attempt_at, sent_at FROM outbox_message WHERE request_id = $1`,
        [requestId],
      )) as { status: string; attempts: number; last_error: string | null; next_attempt_at: Date; sent_at: Date | null }[]
    )[0];

  beforeAll(async () => {
    smtp = await startSmtpListener();
    server = await startTestApp({ seedDemo: true, smtpUrl: smtp.url, cptsEmail: CPTS, mailFrom: FROM });
    secretary = await server.signedIn('secretariat');
    clinic = (await demoCentreIds(server.dataSource)).clinic;
  });

  afterAll(async () => {
    await server.close();
    await smtp.close();
  });

  it('sends to the doctor with the CPTS in copy, in French, the appointment attached as .ics', async () => {
    const appointment = await bookOne();
    expect(await sendDue(new Date())).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('creneau@cpts.test');
    expect(mail.recipients.sort()).toEqual([CPTS, 'dr.martin@creneau.test'].sort());
    const message = readMail(mail.raw);
    expect(message.headers['to']).toBe('dr.martin@creneau.test');
    expect(message.headers['cc']).toBe(CPTS);
    expect(message.headers['subject']).toMatch(/^Rendez-vous d’imagerie réservé — demande CR-/);
    const parts = leaves(message);
    expect(parts.find((part) => part.headers['content-type']?.startsWith('text/plain'))?.body).toContain(
      'Bonjour Dr Jeanne Martin,',
    );
    const attachment = parts.find((part) => /calendar|ics/.test(part.headers['content-type'] ?? ''));
    expect(attachment).toBeDefined();
    expect(readCalendar(attachment?.body ?? '').events).toEqual([
      expect.objectContaining({ uid: `appointment-${appointment.id}@creneau`, status: 'TENTATIVE', start: appointment.start }),
    ]);
    expect(await messageOf(appointment.requestId)).toMatchObject({ status: 'sent', attempts: 1, last_error: null });
    expect(await sendDue(new Date())).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('retries a temporary refusal after its back-off, and gives up at once on a final one', async () => {
    const retried = await bookOne();
    smtp.refuseWith = { code: 451, message: 'Try again later' };
    const now = new Date();
    expect(await sendDue(now)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const waiting = await messageOf(retried.requestId);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, last_error: expect.stringContaining('451') });
    expect(waiting.next_attempt_at.getTime()).toBe(now.getTime() + 60_000);
    smtp.refuseWith = null;
    expect(await sendDue(new Date(now.getTime() + 30_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(await sendDue(new Date(now.getTime() + 61_000))).toEqual({ sent: 1, retrying: 0, failed: 0 });
    expect(await messageOf(retried.requestId)).toMatchObject({ status: 'sent', attempts: 2 });

    const refused = await bookOne();
    smtp.refuseWith = { code: 550, message: 'Mailbox unavailable' };
    expect(await sendDue(new Date())).toEqual({ sent: 0, retrying: 0, failed: 1 });
    smtp.refuseWith = null;
    expect(await messageOf(refused.requestId)).toMatchObject({ status: 'failed', attempts: 1 });
    const unsent = await secretary.get<UnsentMessageView[]>('/api/messages/unsent');
    expect(unsent.body.map((message) => [message.requestId, message.status])).toEqual([[refused.requestId, 'failed']]);
  });

  it('runs as the minute job, through the jobs’ runner and its lock', async () => {
    const appointment = await bookOne();
    const result = await server.app.get(OutboxJob).tick();
    expect(result).toEqual({ outcome: 'ok', counts: { sent: 1, retrying: 0, failed: 0 } });
    expect(await messageOf(appointment.requestId)).toMatchObject({ status: 'sent' });
  });
});
