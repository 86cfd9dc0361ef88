import type { AuditEventView, ImagingRequestDraft, RequestView } from '@creneau/contracts';
import { PSEUDONYMISED_COMMENT, RetentionJob } from '../src/jobs/retention/retention.job';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot } from './support/agenda-fixtures';
import { ClockedApp, startClockedApp } from './support/clocked-app';
import { FakeClock } from './support/fake-clock';
import { book, historyOf, liveEventsOf, newRequest } from './support/job-fixtures';

const DAY = 86_400_000;
const CLOSED = new Date('2025-06-15T10:00:00+02:00');
const TWELVE_MONTHS_LATER = new Date('2026-06-15T10:00:00+02:00');

describe('retention job: the patient identity of requests closed 12 months ago is pseudonymised', () => {
  const clock = new FakeClock();
  let server: ClockedApp;
  let job: RetentionJob;
  let secretary: ApiClient;
  let coordinator: ApiClient;

  const stored = async (id: string) =>
    (
      (await server.dataSource.query(
        `SELECT r.form, r.patient_name, r.modality, r.suspected_diagnosis, r.status, r.received_at, r.pseudonymised_at,
              a.imaging_result, a.result_note, (SELECT array_agg(body) FROM request_comment WHERE request_id = r.id) AS comments
         FROM imaging_request r JOIN appointment a ON a.request_id = r.id WHERE r.id = $1`,
        [id],
      )) as {
        form: ImagingRequestDraft;
        patient_name: string | null;
        modality: string;
        suspected_diagnosis: string;
        status: string;
        received_at: Date;
        pseudonymised_at: Date | null;
        imaging_result: string;
        result_note: string | null;
        comments: string[];
      }[]
    )[0];

  beforeAll(async () => {
    server = await startClockedApp(clock);
    job = server.app.get(RetentionJob);
    secretary = await server.signedIn('secretariat');
    coordinator = await server.signedIn('coordinator');
  });

  afterAll(() => server.close());

  it('keeps what the indicators need, records it, and does it once', async () => {
    const hospital = (await demoCentreIds(server.dataSource)).hospital;
    const hospitalStaff = await server.signedIn('centre');
    const request = await newRequest(secretary, { clinicalElements: 'M. Durand, douleur lombaire droite.' });
    const still = await newRequest(secretary);
    const slotId = await insertSlot(server.dataSource, { centreId: hospital, modality: 'ct', startsInHours: 20 });
    const appointment = await book(secretary, request.id, slotId);
    await secretary.post(`/api/requests/${request.id}/comments`, { body: 'Rappeler M. Durand au 06 12 34 56 78.' });
    await hospitalStaff.post(`/api/appointments/${appointment.id}/done`, {
      result: 'confirmed',
      note: 'Calcul urétéral droit, M. Durand.',
    });
    await server.dataSource.query(`UPDATE imaging_request SET closed_at = $2 WHERE id = $1`, [request.id, CLOSED]);
    await server.dataSource.query(`UPDATE idempotency_key SET created_at = $1`, [CLOSED]);
    const before = await stored(request.id);

    clock.set(TWELVE_MONTHS_LATER.getTime() - DAY);
    expect(await job.tick()).toEqual({
      outcome: 'ok',
      counts: { pseudonymised: 0, bookingReplaysDeleted: 0, jobRunsDeleted: 0 },
    });
    clock.set(TWELVE_MONTHS_LATER);
    expect(await job.tick()).toEqual({
      outcome: 'ok',
      counts: { pseudonymised: 1, bookingReplaysDeleted: 1, jobRunsDeleted: 0 },
    });

    const after = await stored(request.id);
    expect(after.form.patient).toEqual({
      ...before.form.patient,
      lastName: null,
      firstName: null,
      birthDate: '1958',
      address: { street: null, postalCode: '85000', city: null },
      phone: null,
      email: null,
    });
    expect(after.form.clinicalElements).toBeNull();
    expect(after.form.exam).toEqual(before.form.exam);
    expect(after.form.doctor).toEqual(before.form.doctor);
    expect(after).toMatchObject({
      patient_name: null,
      modality: before.modality,
      suspected_diagnosis: before.suspected_diagnosis,
      status: 'done',
      received_at: before.received_at,
      pseudonymised_at: TWELVE_MONTHS_LATER,
      imaging_result: 'confirmed',
      result_note: null,
      comments: [PSEUDONYMISED_COMMENT],
    });
    expect((await server.dataSource.query(`SELECT count(*)::int AS n FROM idempotency_key`)) as unknown).toEqual([{ n: 0 }]);

    expect((await historyOf(secretary, request.id)).at(-1)).toMatchObject({
      accountId: null,
      action: 'pseudonymise',
      reason: 'Identité du patient pseudonymisée 12 mois après la clôture de la demande',
    });
    const audit = await coordinator.get<AuditEventView[]>(`/api/audit?imagingRequestId=${request.id}&limit=50`);
    expect(audit.body.find((event) => event.action === 'pseudonymise')).toMatchObject({
      accountId: null,
      entity: 'imaging-request',
      details: expect.objectContaining({ commentsErased: 1 }),
    });
    const view = await coordinator.get<RequestView>(`/api/requests/${request.id}`);
    expect(view.status).toBe(200);
    expect(view.body.patientName).toBeNull();
    expect(view.body.form.patient?.lastName).toBeNull();
    // What the indicators read stays: modality, diagnosis, delays, centre, outcome and result.
    expect(view.body).toMatchObject({
      modality: before.modality,
      suspectedDiagnosis: before.suspected_diagnosis,
      receivedAt: before.received_at.toISOString(),
      status: 'done',
      appointment: { id: appointment.id, centreId: hospital, status: 'done', imagingResult: 'confirmed' },
    });
    // The consoles are told the request changed, and what they are told names nobody.
    const [told] = (await liveEventsOf(server.dataSource, request.id)).slice(-1);
    expect(told).toMatchObject({ type: 'request.updated', version: view.body.version, payload: { status: 'done' } });
    expect(JSON.stringify(told)).not.toMatch(/Durand|Paul/);

    clock.set(TWELVE_MONTHS_LATER.getTime() + DAY);
    expect(await job.tick()).toEqual({
      outcome: 'ok',
      counts: { pseudonymised: 0, bookingReplaysDeleted: 0, jobRunsDeleted: 0 },
    });
    expect(await stored(request.id)).toEqual(after);
    expect((await server.dataSource.query(`SELECT form FROM imaging_request WHERE id = $1`, [still.id])) as unknown).toEqual([
      { form: expect.objectContaining({ patient: expect.objectContaining({ lastName: 'Durand' }) }) },
    ]);
  });
});
