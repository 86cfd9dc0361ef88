import type {
  AppointmentView,
  AuditEventView,
  CentreClosureView,
  CentreSummary,
  CreatedClosureView,
  UpdatedCentreView,
} from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, DemoCentreKey, insertSlot } from './support/agenda-fixtures';
import { completeForm } from './support/request-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const NEW_CENTRE = {
  name: 'Centre d’imagerie de Montaigu',
  sector: 'private',
  organisation: 'Imagerie Montaigu (démo)',
  streetAddress: '8 avenue Villebois-Mareuil',
  postcode: '85600',
  city: 'Montaigu-Vendée',
  latitude: 46.9744,
  longitude: -1.3086,
  phone: '+33 2 51 00 40 00',
  secureEmail: 'imagerie.montaigu@demo.mssante.test',
  modalities: ['radiography', 'ct'],
  wheelchairAccessible: true,
  stretcherAccessible: true,
  acceptsMrConditionalPacemaker: false,
  acceptedIndications: ['recent-trauma', 'renal-colic'],
  reason: 'nouveau partenaire',
};

describe('centres', () => {
  let server: TestApp;
  let coordinator: ApiClient;
  let centres: Record<DemoCentreKey, string>;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    coordinator = await server.signedIn('coordinator');
    centres = await demoCentreIds(server.dataSource);
  });

  afterAll(() => server.close());

  it('lets the coordinator add a partner centre, with the indications it accepts per modality', async () => {
    const created = await coordinator.post<CentreSummary>('/api/centres', NEW_CENTRE);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: NEW_CENTRE.name,
      address: '8 avenue Villebois-Mareuil, 85600 Montaigu-Vendée',
      acceptedIndications: ['recent-trauma', 'renal-colic'],
      active: true,
    });
    const secretary = await server.signedIn('secretariat');
    expect((await secretary.get<CentreSummary[]>('/api/centres')).body.map((c) => c.name)).toContain(NEW_CENTRE.name);
  });

  it('refuses bad centres with the fields at fault, and indications its modalities do not cover', async () => {
    const invalid = await coordinator.post<{ fields: Record<string, string[]> }>('/api/centres', {
      ...NEW_CENTRE,
      name: 'Autre',
      postcode: '8560',
      latitude: 123,
      modalities: ['pet'],
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.fields).sort()).toEqual(['latitude', 'modalities', 'postcode']);
    const foreign = await coordinator.post('/api/centres', {
      ...NEW_CENTRE,
      name: 'Autre',
      acceptedIndications: ['biliary-colic'],
    });
    expect(foreign.status).toBe(422);
    const duplicate = await coordinator.post('/api/centres', NEW_CENTRE);
    expect(duplicate.status).toBe(409);
  });

  it('edits a centre with a reason kept in the audit trail', async () => {
    const edited = await coordinator.patch<CentreSummary>(`/api/centres/${centres.practice}`, {
      stretcherAccessible: true,
      reason: 'travaux d’accessibilité terminés',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.stretcherAccessible).toBe(true);
    const audit = await coordinator.get<AuditEventView[]>(`/api/audit?entity=centre&entityId=${centres.practice}`);
    expect(audit.body[0]).toMatchObject({ action: 'update', reason: 'travaux d’accessibilité terminés' });
    expect((await coordinator.patch(`/api/centres/${centres.practice}`, { phone: '+33 2 51 00 30 01' })).status).toBe(400);
  });

  it('closes a centre for a period: its own staff may, another centre’s may not', async () => {
    const closure = { from: '2030-05-01T08:00:00+02:00', to: '2030-05-03T18:00:00+02:00', reason: 'panne du scanner' };
    const own = await server.client().login('imagerie.clinique@creneau.test', 'demo-password-for-tests');
    const created = await own.post<CentreClosureView>(`/api/centres/${centres.clinic}/closures`, closure);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      from: '2030-05-01T06:00:00.000Z',
      to: '2030-05-03T16:00:00.000Z',
      reason: 'panne du scanner',
    });

    const other = await server.client().login('radiologie.essarts@creneau.test', 'demo-password-for-tests');
    expect((await other.post(`/api/centres/${centres.clinic}/closures`, closure)).status).toBe(403);
    expect((await own.post(`/api/centres/${centres.clinic}/closures`, { ...closure, to: closure.from })).status).toBe(422);

    const listed = await coordinator.get<CentreClosureView[]>(`/api/centres/${centres.clinic}/closures`);
    const { appointments, ...view } = created.body as CreatedClosureView;
    expect(appointments).toEqual([]);
    expect(listed.body).toEqual([view]);
    const centre = await coordinator.get<CentreSummary>(`/api/centres/${centres.clinic}`);
    expect(centre.body.closures).toEqual([{ from: created.body.from, to: created.body.to, reason: 'panne du scanner' }]);
  });

  it('lists the appointments a new closure falls on, and makes bookings read before it read again', async () => {
    const secretary = await server.signedIn('secretariat');
    const request = await secretary.post<{ id: string; reference: string }>('/api/requests', { form: completeForm() });
    const booked = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 26 });
    const free = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 27 });
    const after = await insertSlot(server.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 40 });
    const appointment = await secretary.request<AppointmentView>('POST', '/api/appointments', {
      body: { requestId: request.body.id, slotId: booked },
      headers: { 'idempotency-key': 'closure-over-an-appointment' },
    });
    expect(appointment.status).toBe(201);
    const versions = async () =>
      Object.fromEntries(
        (
          (await server.dataSource.query(`SELECT id, version FROM slot WHERE id = ANY ($1)`, [[booked, free, after]])) as {
            id: string;
            version: number;
          }[]
        ).map((row) => [row.id, row.version]),
      );
    const before = await versions();

    const hour = 3_600_000;
    const created = await coordinator.post<CreatedClosureView>(`/api/centres/${centres.clinic}/closures`, {
      from: new Date(Date.now() + 24 * hour).toISOString(),
      to: new Date(Date.now() + 30 * hour).toISOString(),
      reason: 'coupure électrique',
    });

    expect(created.status).toBe(201);
    expect(created.body.appointments).toEqual([
      {
        id: appointment.body.id,
        requestId: request.body.id,
        reference: request.body.reference,
        start: appointment.body.start,
      },
    ]);
    expect(await versions()).toEqual({ ...before, [booked]: before[booked] + 1, [free]: before[free] + 1 });
    const audit = await coordinator.get<AuditEventView[]>(`/api/audit?entity=centre&entityId=${centres.clinic}`);
    expect(audit.body[0]).toMatchObject({ action: 'close-period', details: { appointmentsInside: [appointment.body.id] } });
  });

  it('lists, when a centre is closed for good, its appointments still ahead, to move or cancel', async () => {
    const created = await coordinator.post<CentreSummary>('/api/centres', { ...NEW_CENTRE, name: 'Imagerie de Challans' });
    const centreId = created.body.id;
    const secretary = await server.signedIn('secretariat');
    const request = await secretary.post<{ id: string; reference: string }>('/api/requests', { form: completeForm() });
    const slotId = await insertSlot(server.dataSource, { centreId, modality: 'ct', startsInHours: 30 });
    const appointment = await secretary.request<AppointmentView>('POST', '/api/appointments', {
      body: { requestId: request.body.id, slotId },
      headers: { 'idempotency-key': 'closed-for-good' },
    });
    expect(appointment.status).toBe(201);

    const edited = await coordinator.patch<UpdatedCentreView>(`/api/centres/${centreId}`, {
      phone: '+33 2 51 00 40 01',
      reason: 'nouveau standard',
    });
    expect(edited.body.appointments).toEqual([]);
    const closed = await coordinator.patch<UpdatedCentreView>(`/api/centres/${centreId}`, {
      active: false,
      reason: 'fin du partenariat',
    });

    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ active: false });
    expect(closed.body.appointments).toEqual([
      { id: appointment.body.id, requestId: request.body.id, reference: request.body.reference, start: appointment.body.start },
    ]);
    const audit = await coordinator.get<AuditEventView[]>(`/api/audit?entity=centre&entityId=${centreId}`);
    expect(audit.body[0]).toMatchObject({ action: 'close', details: { appointmentsAhead: [appointment.body.id] } });
  });
});
