import type { AuditEventView, RequestEventView, RequestSummary, RequestView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { completeForm } from './support/request-fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe('imaging requests: the form as a gate', () => {
  let server: TestApp;
  let secretary: ApiClient;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    secretary = await server.signedIn('secretariat');
  });

  afterAll(() => server.close());

  it('records a complete request as to book, with its 48 h target and 72 h maximum', async () => {
    const created = await secretary.post<RequestView>('/api/requests', { form: completeForm() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'to-book',
      readiness: 'bookable',
      patientName: 'DURAND Paul',
      modality: 'ct',
      missingFields: [],
    });
    expect(created.body.reference).toMatch(/^CR-\d{4}-\d{6}$/);
    const received = new Date(created.body.receivedAt).getTime();
    expect(new Date(created.body.targetAt).getTime() - received).toBe(48 * 3_600_000);
    expect(new Date(created.body.maximumAt).getTime() - received).toBe(72 * 3_600_000);
    const history = await secretary.get<RequestEventView[]>(`/api/requests/${created.body.id}/history`);
    expect(history.body).toEqual([
      expect.objectContaining({ action: 'create', toStatus: 'to-book', accountName: 'Camille Secrétariat' }),
    ]);
  });

  it('keeps an incomplete request as incomplete, with what is missing, for the GP to be called back', async () => {
    const form = completeForm();
    const draft = { ...form, patient: { ...form.patient, phone: null }, suspectedDiagnosis: null, clinicalElements: '' };
    const created = await secretary.post<RequestView>('/api/requests', { form: draft });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('incomplete');
    expect(created.body.missingFields).toEqual(
      expect.arrayContaining(['patient.phone', 'suspectedDiagnosis.code', 'clinicalElements']),
    );
    expect(created.body.assessment.bookable).toBe(false);
  });

  it('answers malformed or unknown fields with a 400 naming each one, and saves nothing', async () => {
    const form = completeForm();
    const before = await server.dataSource.query(`SELECT count(*)::int AS n FROM imaging_request`);
    const bad = await secretary.post<{ fields: Record<string, string[]> }>('/api/requests', {
      form: {
        ...form,
        doctor: { ...form.doctor, rpps: '12345' },
        patient: { ...form.patient, birthDate: '2090-01-01', nickname: 'Polo' },
      },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['form.patient.nickname']));
    const malformed = await secretary.post<{ fields: Record<string, string[]> }>('/api/requests', {
      form: { ...form, doctor: { ...form.doctor, rpps: '12345' }, patient: { ...form.patient, birthDate: '2090-01-01' } },
    });
    expect(malformed.status).toBe(400);
    expect(Object.keys(malformed.body.fields).sort()).toEqual(['form.doctor.rpps', 'form.patient.birthDate']);
    expect((await secretary.post('/api/requests', { form: 'texte libre' })).status).toBe(400);
    expect((await secretary.post('/api/requests', { form, confirmations: ['whatever'] })).status).toBe(400);
    expect(await server.dataSource.query(`SELECT count(*)::int AS n FROM imaging_request`)).toEqual(before);
  });

  it('needs a coordinator’s override for a request outside the protocol', async () => {
    const form = completeForm({ exam: { modality: 'radiography', anatomicalRegion: 'Abdomen', contrast: false } });
    const created = await secretary.post<RequestView>('/api/requests', { form });
    expect(created.body).toMatchObject({ status: 'to-book', readiness: 'outside-protocol' });
    expect((await secretary.post(`/api/requests/${created.body.id}/override`, { reason: 'avis du radiologue' })).status).toBe(
      403,
    );
    const coordinator = await server.signedIn('coordinator');
    const overridden = await coordinator.post<RequestView>(`/api/requests/${created.body.id}/override`, {
      reason: 'avis du radiologue',
    });
    expect(overridden.status).toBe(201);
    expect(overridden.body).toMatchObject({ readiness: 'bookable', override: { reason: 'avis du radiologue' } });
  });

  it('asks an explicit confirmation for a pregnancy with an X-ray or a CT', async () => {
    const form = completeForm();
    const pregnant = { ...form, patient: { ...form.patient, pregnant: 'yes' as const } };
    const unconfirmed = await secretary.post<RequestView>('/api/requests', { form: pregnant });
    expect(unconfirmed.body.readiness).toBe('awaiting-confirmation');
    const confirmed = await secretary.request<RequestView>('PATCH', `/api/requests/${unconfirmed.body.id}`, {
      body: { form: pregnant, confirmations: ['pregnancy-ionising-exam'], reason: 'confirmé avec le Dr Martin' },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.readiness).toBe('bookable');
  });

  it('lets a doctor submit online for themselves only, and see only their own requests', async () => {
    const doctor = await server.signedIn('doctor');
    const own = await doctor.post<RequestView>('/api/requests', { form: completeForm({ channel: 'phone' }) });
    expect(own.status).toBe(201);
    expect(own.body.form.channel).toBe('web');
    const forged = await doctor.post('/api/requests', {
      form: completeForm({ doctor: { name: 'Dr Autre', rpps: '19999999999', phone: '02 51 00 00 00' } }),
    });
    expect(forged.status).toBe(403);

    const others = await secretary.post<RequestView>('/api/requests', {
      form: completeForm({ doctor: { name: 'Dr Autre', rpps: '19999999999', phone: '02 51 00 00 00' } }),
    });
    expect((await doctor.get(`/api/requests/${others.body.id}`)).status).toBe(404);
    const listed = await doctor.get<RequestSummary[]>('/api/requests');
    expect(listed.body.every((request) => request.doctorName === 'Dr Jeanne Martin')).toBe(true);
    expect(listed.body.map((request) => request.id)).toContain(own.body.id);
  });

  it('audits every read of a request', async () => {
    const created = await secretary.post<RequestView>('/api/requests', { form: completeForm() });
    await secretary.get(`/api/requests/${created.body.id}`);
    const coordinator = await server.signedIn('coordinator');
    const audit = await coordinator.get<AuditEventView[]>(`/api/audit?imagingRequestId=${created.body.id}`);
    expect(audit.body.map((event) => event.action)).toEqual(['read', 'create']);
    expect(audit.body[0].accountEmail).toBe('secretariat@creneau.test');
  });

  it('keeps a comment thread on the request', async () => {
    const created = await secretary.post<RequestView>('/api/requests', { form: completeForm() });
    await secretary.post(`/api/requests/${created.body.id}/comments`, { body: 'Le Dr Martin demande un avis sur l’injection.' });
    const doctor = await server.signedIn('doctor');
    await doctor.post(`/api/requests/${created.body.id}/comments`, { body: 'Pas d’injection, merci.' });
    const thread = await secretary.get<{ authorRole: string; body: string }[]>(`/api/requests/${created.body.id}/comments`);
    expect(thread.body.map((comment) => [comment.authorRole, comment.body])).toEqual([
      ['secretariat', 'Le Dr Martin demande un avis sur l’injection.'],
      ['doctor', 'Pas d’injection, merci.'],
    ]);
    expect((await secretary.post(`/api/requests/${created.body.id}/comments`, { body: '' })).status).toBe(400);
  });
});
