import { DateTime } from 'luxon';
import type { AppointmentView, IndicatorsReport, RequestView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot, type DemoCentreKey } from './support/agenda-fixtures';
import { insertPastRequest } from './support/indicator-fixtures';
import { KNOWN_PATIENTS } from './support/known-history';
import { completeForm, todayInParis } from './support/request-fixtures';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

let keyCounter = 0;

/** The indicators read what the real flows write: bookings, refusals, reschedules, cancellations, results. */
describe('indicators of today’s activity, written through the API', () => {
  let server: TestApp;
  let secretary: ApiClient;
  let coordinator: ApiClient;
  let clinic: ApiClient;
  let hospital: ApiClient;
  let centres: Record<DemoCentreKey, string>;

  const request = async (form = completeForm()) => (await secretary.post<RequestView>('/api/requests', { form })).body;
  const slot = (centre: DemoCentreKey, startsInHours: number) =>
    insertSlot(server.dataSource, { centreId: centres[centre], modality: 'ct', startsInHours });
  const book = async (requestId: string, slotId: string) =>
    (
      await secretary.request<AppointmentView>('POST', '/api/appointments', {
        body: { requestId, slotId },
        headers: { 'idempotency-key': `indicators-${++keyCounter}-${Date.now()}` },
      })
    ).body;
  const today = (query: Record<string, string> = {}) =>
    coordinator.get<IndicatorsReport>(
      `/api/indicators?${new URLSearchParams({ from: todayInParis(), to: todayInParis(), ...query })}`,
    );

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    centres = await demoCentreIds(server.dataSource);
    secretary = await server.signedIn('secretariat');
    coordinator = await server.signedIn('coordinator');
    clinic = await server.client().login('imagerie.clinique@creneau.test', DEMO_TEST_PASSWORD);
    hospital = await server.client().login('imagerie.hopital@creneau.test', DEMO_TEST_PASSWORD);
  });

  afterAll(() => server.close());

  it('counts a refusal then a rebooking, a reschedule (no cancellation), a cancellation and an incomplete form', async () => {
    const refusedThenDone = await request();
    const refused = await book(refusedThenDone.id, await slot('clinic', 20));
    await clinic.post(`/api/appointments/${refused.id}/refuse`, { reason: 'scanner en panne', slot: 'free' });
    const rebooked = await book(refusedThenDone.id, await slot('hospital', 22));
    await hospital.post(`/api/appointments/${rebooked.id}/confirm`);
    await hospital.post(`/api/appointments/${rebooked.id}/done`, { result: 'confirmed' });

    const rescheduled = await request();
    const first = await book(rescheduled.id, await slot('clinic', 21));
    expect(
      (await secretary.post(`/api/appointments/${first.id}/reschedule`, { slotId: await slot('hospital', 23) })).status,
    ).toBe(200);

    const cancelled = await request();
    const booking = await book(cancelled.id, await slot('clinic', 24));
    await secretary.post(`/api/appointments/${booking.id}/cancel`, { reason: 'examen fait ailleurs', closeRequest: true });

    const incomplete = await request({ ...completeForm(), clinicalElements: '' });
    expect(incomplete.status).toBe('incomplete');
    await secretary.patch(`/api/requests/${incomplete.id}`, { form: completeForm(), reason: 'le médecin a rappelé' });

    const { status, body } = await today();
    expect(status).toBe(200);
    expect(body.requests).toMatchObject({ received: 4, complete: 3, incomplete: 1, outsideProtocol: 0 });
    expect(body.booked.count).toBe(3);
    expect(body.refusals).toEqual({ total: 1, requests: 1, byReason: [{ reason: 'scanner en panne', count: 1 }] });
    expect(body.outcomes).toEqual({
      done: 1,
      noShow: 0,
      cancelled: 1,
      pending: 1,
      notBooked: 1,
      lostToFollowUp: { total: 0, neverAnswered: 0, outcomeUnknown: 0 },
    });
    expect(body.responseDelay.count).toBe(1);
    expect(body.relevance).toMatchObject([{ diagnosis: 'renal-colic', done: 1, confirmed: 1, confirmedShare: 1 }]);
    expect(body.partnerCentres).toBe(2);
    expect(body.doctors).toBe(1);
  });

  it('calls an appointment lost to follow-up only once its date is N days past without an outcome', async () => {
    const local = (days: number) => DateTime.now().setZone('Europe/Paris').plus({ days }).toFormat('yyyy-MM-dd HH:00');
    await insertPastRequest(
      server.dataSource,
      {
        received: local(-4),
        status: 'confirmed',
        modality: 'ct',
        diagnosis: 'renal-colic',
        region: 'Abdomen',
        channel: 'phone',
        rpps: '10000000009',
        bookings: [{ centre: 'hospital', slot: local(-2), booked: local(-4), answered: local(-4), status: 'confirmed' }],
      },
      KNOWN_PATIENTS[0],
    );
    const period = { from: DateTime.now().setZone('Europe/Paris').minus({ days: 5 }).toISODate() ?? '' };
    const lost = async (followUpDays: string) => (await today({ ...period, followUpDays })).body.outcomes;
    expect(await lost('3')).toMatchObject({ pending: 2, lostToFollowUp: { total: 0, neverAnswered: 0, outcomeUnknown: 0 } });
    expect(await lost('1')).toMatchObject({ pending: 1, lostToFollowUp: { total: 1, neverAnswered: 0, outcomeUnknown: 1 } });
  });

  it('follows a centre’s sector and the territory’s time zone, should either change', async () => {
    await insertPastRequest(
      server.dataSource,
      {
        // 22:30 UTC on 31 March: an April request in Paris, a March one in UTC.
        received: '2025-04-01 00:30',
        status: 'done',
        modality: 'ct',
        diagnosis: 'renal-colic',
        region: 'Abdomen',
        channel: 'phone',
        rpps: '10000000010',
        bookings: [{ centre: 'hospital', slot: '2025-04-02 10:00', booked: '2025-04-01 08:00', status: 'done' }],
      },
      KNOWN_PATIENTS[1],
    );
    const april = async () => (await coordinator.get<IndicatorsReport>('/api/indicators?from=2025-04-01&to=2025-04-30')).body;
    expect((await april()).sectors.public.count).toBe(1);
    await server.dataSource.query(`UPDATE centre SET sector = 'private' WHERE id = $1`, [centres.hospital]);
    expect((await april()).sectors).toMatchObject({ public: { count: 0 }, private: { count: 1 } });
    await server.dataSource.query(`UPDATE territory SET timezone = 'UTC'`);
    expect((await april()).requests.received).toBe(0);
  });
});
