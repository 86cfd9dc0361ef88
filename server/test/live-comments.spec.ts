import type { AppointmentView, LiveEvent, RequestCommentView, RequestView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, DemoCentreKey, insertSlot } from './support/agenda-fixtures';
import { brief, LiveConsole } from './support/live-client';
import { completeForm } from './support/request-fixtures';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

const QUIET_MS = 400;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request's comment thread, live: whoever may read the thread hears of a new comment, nobody else. */
describe('live comments', () => {
  let app: TestApp;
  let centres: Record<DemoCentreKey, string>;
  let secretary: ApiClient;
  let doctor: ApiClient;
  let clinicStaff: ApiClient;
  const consoles: LiveConsole[] = [];

  const open = async (client: ApiClient) => {
    const live = await LiveConsole.connect(app.baseUrl, client);
    consoles.push(live);
    expect(await live.subscribe(null)).toMatchObject({ status: 'live' });
    return live;
  };
  const signIn = (email: string) => app.client().login(email, DEMO_TEST_PASSWORD);
  const comment = async (client: ApiClient, requestId: string, body: string) => {
    const sent = await client.post<RequestCommentView>(`/api/requests/${requestId}/comments`, { body });
    expect(sent.status).toBe(201);
    return sent.body;
  };
  const commented = (commentId: string) => (event: LiveEvent) =>
    event.type === 'request.commented' && event.data.commentId === commentId;
  const ofRequest = (requestId: string) => (event: LiveEvent) => event.entityId === requestId;

  beforeAll(async () => {
    app = await startTestApp({ seedDemo: true });
    centres = await demoCentreIds(app.dataSource);
    secretary = await signIn('secretariat@creneau.test');
    doctor = await signIn('dr.martin@creneau.test');
    clinicStaff = await signIn('imagerie.clinique@creneau.test');
  });

  afterAll(async () => {
    for (const live of consoles) live.close();
    await app.close();
  });

  it('tells the doctor of the secretariat’s comment and the secretariat of the doctor’s, with no text; another centre hears nothing', async () => {
    const request = (await secretary.post<RequestView>('/api/requests', { form: completeForm() })).body;
    const doctorConsole = await open(doctor);
    const secretariatConsole = await open(secretary);
    const hospitalConsole = await open(await signIn('imagerie.hopital@creneau.test'));

    const fromSecretariat = await comment(secretary, request.id, 'Patiente injoignable ce matin, je rappelle à 14 h.');
    const [heard] = await doctorConsole.waitFor(commented(fromSecretariat.id));
    expect(heard).toEqual({
      id: expect.any(Number) as number,
      type: 'request.commented',
      entity: 'request',
      entityId: request.id,
      version: request.version, // a comment does not change the request
      occurredAt: expect.any(String) as string,
      data: {
        requestId: request.id,
        commentId: fromSecretariat.id,
        authorRole: 'secretariat',
        createdAt: fromSecretariat.createdAt,
      },
    });
    await secretariatConsole.waitFor(commented(fromSecretariat.id)); // the author's other tabs hear of it too

    const fromDoctor = await comment(doctor, request.id, 'Merci ; allergie à l’iode, voir le courrier du Dr Lefèvre.');
    const [answered] = await secretariatConsole.waitFor(commented(fromDoctor.id));
    expect(answered.data).toEqual({
      requestId: request.id,
      commentId: fromDoctor.id,
      authorRole: 'doctor',
      createdAt: fromDoctor.createdAt,
    });
    await doctorConsole.waitFor(commented(fromDoctor.id));

    const heardAll = [...doctorConsole.events, ...secretariatConsole.events];
    expect(JSON.stringify(heardAll)).not.toMatch(/injoignable|iode|Lefèvre|Martin|Camille|Durand/); // no text, no names
    await pause(QUIET_MS);
    expect(hospitalConsole.events.map(brief)).toEqual([]);
    // The request's version is where it was: its next booking is not refused for a stale version.
    expect((await secretary.get<RequestView>(`/api/requests/${request.id}`)).body.version).toBe(request.version);
  });

  it('reaches a centre once the request has had an appointment there, and keeps reaching it after a cancellation', async () => {
    const request = (await secretary.post<RequestView>('/api/requests', { form: completeForm() })).body;
    const clinicConsole = await open(clinicStaff);
    const practiceConsole = await open(await signIn('radiologie.essarts@creneau.test'));

    const before = await comment(secretary, request.id, 'Avant tout rendez-vous.');
    await pause(QUIET_MS);
    expect(clinicConsole.events.filter(commented(before.id))).toEqual([]); // not theirs yet: the API gives them a 404

    const slotId = await insertSlot(app.dataSource, { centreId: centres.clinic, modality: 'ct', startsInHours: 22 });
    const booked = await secretary.request<AppointmentView>('POST', '/api/appointments', {
      body: { requestId: request.id, slotId },
      headers: { 'idempotency-key': `live-comments-${request.id}` },
    });
    expect(booked.status).toBe(201);
    const fromSecretariat = await comment(secretary, request.id, 'Créneau posé chez vous, merci.');
    const fromRadiologist = await comment(clinicStaff, request.id, 'Bien reçu, scanner sans injection.');
    const heard = await clinicConsole.waitFor(
      (event) => commented(fromSecretariat.id)(event) || commented(fromRadiologist.id)(event),
      2,
    );
    expect(heard.map((event) => event.data)).toEqual([
      expect.objectContaining({ commentId: fromSecretariat.id, authorRole: 'secretariat' }),
      expect.objectContaining({ commentId: fromRadiologist.id, authorRole: 'centre' }),
    ]);
    const cancelled = await secretary.post(`/api/appointments/${booked.body.id}/cancel`, { reason: 'Patiente indisponible' });
    expect(cancelled.status).toBe(200);
    const after = await comment(secretary, request.id, 'Rendez-vous annulé, on recherche un autre créneau.');
    await clinicConsole.waitFor(commented(after.id)); // the API still lets the clinic read this request
    expect((await clinicStaff.get(`/api/requests/${request.id}/comments`)).status).toBe(200);

    await pause(QUIET_MS);
    expect(practiceConsole.events.filter(ofRequest(request.id)).map(brief)).toEqual([]);
  });

  it('records nothing for a comment refused, on a request the author may not read', async () => {
    const other = (
      await secretary.post<RequestView>('/api/requests', {
        form: completeForm({ doctor: { name: 'Dr Autre Médecin', rpps: '10009999999', phone: '02 51 00 00 00' } }),
      })
    ).body;
    const secretariatConsole = await open(secretary);
    const refused = await doctor.post(`/api/requests/${other.id}/comments`, { body: 'Pas ma demande.' });
    expect(refused.status).toBe(404);
    await pause(QUIET_MS);
    expect(secretariatConsole.events.filter(ofRequest(other.id)).map(brief)).toEqual([]);
  });
});
