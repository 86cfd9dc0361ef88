import type { AppointmentView, RequestSummary, RequestView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot } from './support/agenda-fixtures';
import { completeForm } from './support/request-fixtures';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

/** Health data stays within its circle: a centre sees what was booked with it, a doctor what they asked for. */
describe('who sees which request', () => {
  let server: TestApp;
  let clinicStaff: ApiClient;
  let practiceStaff: ApiClient;
  let atClinic: RequestView;
  let appointment: AppointmentView;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    const centres = await demoCentreIds(server.dataSource);
    const secretary = await server.signedIn('secretariat');
    atClinic = (await secretary.post<RequestView>('/api/requests', { form: completeForm() })).body;
    const slotId = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 10 });
    appointment = (
      await secretary.request<AppointmentView>('POST', '/api/appointments', {
        body: { requestId: atClinic.id, slotId },
        headers: { 'idempotency-key': 'scoping-booking-1' },
      })
    ).body;
    clinicStaff = await server.client().login('imagerie.clinique@creneau.test', DEMO_TEST_PASSWORD);
    practiceStaff = await server.client().login('radiologie.essarts@creneau.test', DEMO_TEST_PASSWORD);
  });

  afterAll(() => server.close());

  it('shows a centre the requests booked with it, by id, list, search, history, comments and appointments', async () => {
    expect((await clinicStaff.get(`/api/requests/${atClinic.id}`)).status).toBe(200);
    expect((await clinicStaff.get<RequestSummary[]>('/api/requests')).body.map((r) => r.id)).toEqual([atClinic.id]);
    expect((await clinicStaff.get<RequestSummary[]>('/api/requests?q=durand')).body).toHaveLength(1);
    expect((await clinicStaff.get(`/api/requests/${atClinic.id}/history`)).status).toBe(200);
    const listed = (await clinicStaff.get<AppointmentView[]>('/api/appointments')).body;
    expect(listed.map((a) => a.id)).toEqual([appointment.id]);
    // The list gives each appointment as reading it alone does.
    expect(listed[0]).toEqual((await clinicStaff.get<AppointmentView>(`/api/appointments/${appointment.id}`)).body);
  });

  it('shows another centre nothing of it: 404 by id, absent from lists and searches', async () => {
    expect((await practiceStaff.get(`/api/requests/${atClinic.id}`)).status).toBe(404);
    expect((await practiceStaff.get(`/api/requests/${atClinic.id}/history`)).status).toBe(404);
    expect((await practiceStaff.get(`/api/requests/${atClinic.id}/comments`)).status).toBe(404);
    expect((await practiceStaff.post(`/api/requests/${atClinic.id}/comments`, { body: 'curieux' })).status).toBe(404);
    expect((await practiceStaff.get<RequestSummary[]>('/api/requests')).body).toEqual([]);
    expect((await practiceStaff.get<RequestSummary[]>('/api/requests?q=durand')).body).toEqual([]);
    expect((await practiceStaff.get(`/api/appointments/${appointment.id}`)).status).toBe(404);
    expect((await practiceStaff.get<AppointmentView[]>('/api/appointments')).body).toEqual([]);
    const centres = await demoCentreIds(server.dataSource);
    expect((await practiceStaff.get(`/api/appointments?centreId=${centres.clinic}`)).status).toBe(403);
  });

  it('shows a doctor their own requests only', async () => {
    const doctor = await server.signedIn('doctor');
    expect((await doctor.get(`/api/requests/${atClinic.id}`)).status).toBe(200); // the demo doctor asked for it
    const secretary = await server.signedIn('secretariat');
    const someoneElses = (
      await secretary.post<RequestView>('/api/requests', {
        form: completeForm({ doctor: { name: 'Dr Paul Autre', rpps: '10009999999', phone: '02 51 00 00 99' } }),
      })
    ).body;
    expect((await doctor.get(`/api/requests/${someoneElses.id}`)).status).toBe(404);
    expect((await doctor.get<RequestSummary[]>('/api/requests')).body.map((r) => r.id)).not.toContain(someoneElses.id);
    expect((await doctor.get<RequestSummary[]>('/api/requests?q=autre')).body).toEqual([]);
  });
});
