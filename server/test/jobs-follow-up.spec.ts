import type { AppointmentView, AuditEventView } from '@creneau/contracts';
import { LostToFollowUpJob } from '../src/jobs/follow-up/lost-to-follow-up.job';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot } from './support/agenda-fixtures';
import { ClockedApp, startClockedApp } from './support/clocked-app';
import { FakeClock } from './support/fake-clock';
import { book, historyOf, liveEventsOf, newRequest, slotStartsAt } from './support/job-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const APPOINTMENT = new Date('2026-12-01T09:00:00+01:00');

describe('lost-to-follow-up job: an outcome still unknown 3 days after the appointment', () => {
  const clock = new FakeClock();
  let server: ClockedApp;
  let job: LostToFollowUpJob;
  let secretary: ApiClient;
  let hospitalStaff: ApiClient;
  let coordinator: ApiClient;
  let hospital: string;

  const confirmedOn = async (instant: Date, startsInHours: number) => {
    const request = await newRequest(secretary);
    const slotId = await insertSlot(server.dataSource, { centreId: hospital, modality: 'ct', startsInHours });
    const appointment = await book(secretary, request.id, slotId);
    expect((await hospitalStaff.post(`/api/appointments/${appointment.id}/confirm`)).status).toBe(200);
    await slotStartsAt(server.dataSource, slotId, instant);
    return appointment;
  };
  const lostAt = async (id: string) =>
    (
      (await server.dataSource.query(`SELECT lost_to_follow_up_at FROM appointment WHERE id = $1`, [id])) as {
        lost_to_follow_up_at: Date | null;
      }[]
    )[0].lost_to_follow_up_at;

  beforeAll(async () => {
    server = await startClockedApp(clock);
    job = server.app.get(LostToFollowUpJob);
    secretary = await server.signedIn('secretariat');
    hospitalStaff = await server.signedIn('centre');
    coordinator = await server.signedIn('coordinator');
    hospital = (await demoCentreIds(server.dataSource)).hospital;
  });

  afterAll(() => server.close());

  it('flags it once, asks the centre through the history, and still takes the outcome afterwards', async () => {
    const unknown = await confirmedOn(APPOINTMENT, 20);
    const answered = await confirmedOn(APPOINTMENT, 21);
    expect((await hospitalStaff.post(`/api/appointments/${answered.id}/done`, { result: 'confirmed' })).status).toBe(200);

    clock.set(APPOINTMENT.getTime() + 3 * DAY - HOUR);
    expect(await job.tick()).toEqual({ outcome: 'ok', counts: { lostToFollowUp: 0 } });
    clock.set(APPOINTMENT.getTime() + 3 * DAY);
    expect(await job.tick()).toEqual({ outcome: 'ok', counts: { lostToFollowUp: 1 } });
    expect(await lostAt(unknown.id)).toEqual(clock.now());
    expect(await lostAt(answered.id)).toBeNull();

    expect((await historyOf(secretary, unknown.requestId)).at(-1)).toMatchObject({
      accountId: null,
      action: 'lost-to-follow-up',
      appointmentId: unknown.id,
      reason: 'Perdu de vue : examen réalisé ou patient absent, toujours inconnu 3 jours après le rendez-vous',
    });
    const audit = await coordinator.get<AuditEventView[]>(`/api/audit?entity=appointment&entityId=${unknown.id}&limit=10`);
    expect(audit.body[0]).toMatchObject({ accountId: null, action: 'lost-to-follow-up', imagingRequestId: unknown.requestId });

    // The centre is asked: its console is told, and the appointment reads as lost to follow-up in its agenda.
    expect((await liveEventsOf(server.dataSource, unknown.id)).at(-1)).toEqual({
      type: 'appointment.flagged',
      version: 3,
      centreIds: [hospital],
      doctorRpps: expect.any(String),
      payload: expect.objectContaining({ appointmentId: unknown.id, status: 'confirmed' }),
    });
    expect((await liveEventsOf(server.dataSource, answered.id)).map((event) => event.type)).not.toContain('appointment.flagged');
    const agenda = await hospitalStaff.get<AppointmentView[]>('/api/appointments');
    expect(agenda.status).toBe(200);
    expect(agenda.body.find((appointment) => appointment.id === unknown.id)).toMatchObject({
      status: 'confirmed',
      lostToFollowUpAt: clock.now().toISOString(),
      chasedAt: null,
    });
    expect(agenda.body.find((appointment) => appointment.id === answered.id)).toMatchObject({ lostToFollowUpAt: null });

    clock.set(APPOINTMENT.getTime() + 4 * DAY);
    expect(await job.tick()).toEqual({ outcome: 'ok', counts: { lostToFollowUp: 0 } });
    expect((await liveEventsOf(server.dataSource, unknown.id)).filter((e) => e.type === 'appointment.flagged')).toHaveLength(1);

    const late = await hospitalStaff.post<AppointmentView>(`/api/appointments/${unknown.id}/no-show`);
    expect(late.status).toBe(200);
    expect(late.body).toMatchObject({
      status: 'no-show',
      lostToFollowUpAt: new Date(APPOINTMENT.getTime() + 3 * DAY).toISOString(),
    });
  });
});
