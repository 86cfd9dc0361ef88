import type { SlotView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, DemoCentreKey } from './support/agenda-fixtures';
import { DEMO_TEST_PASSWORD, startTestApp, TestApp } from './support/test-app';

const inHours = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();

describe('one-off slots and the agenda', () => {
  let server: TestApp;
  let clinicStaff: ApiClient;
  let centres: Record<DemoCentreKey, string>;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    clinicStaff = await server.client().login('imagerie.clinique@creneau.test', DEMO_TEST_PASSWORD);
    centres = await demoCentreIds(server.dataSource);
  });

  afterAll(() => server.close());

  it('lets centre staff publish a slot for their own centre, audited', async () => {
    const published = await clinicStaff.post<SlotView>('/api/slots', {
      centreId: centres.clinic,
      modality: 'ct',
      start: inHours(26),
      durationMinutes: 30,
      indications: ['renal-colic'],
      releaseCutoffMinutes: 240,
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({
      state: 'free',
      capacity: 1,
      bookedCount: 0,
      origin: 'manual',
      indications: ['renal-colic'],
    });
    expect(new Date(published.body.end).getTime() - new Date(published.body.start).getTime()).toBe(30 * 60_000);
    expect(new Date(published.body.start).getTime() - new Date(published.body.releaseAt).getTime()).toBe(240 * 60_000);
    const [audit] = (await server.dataSource.query(`SELECT action FROM audit_event WHERE entity = 'slot' AND entity_id = $1`, [
      published.body.id,
    ])) as { action: string }[];
    expect(audit.action).toBe('publish');
  });

  it('refuses what a centre cannot publish', async () => {
    const base = { centreId: centres.clinic, modality: 'ct', start: inHours(30), durationMinutes: 20 };
    expect((await clinicStaff.post('/api/slots', { ...base, centreId: centres.hospital })).status).toBe(403);
    expect((await clinicStaff.post('/api/slots', { ...base, modality: 'mri' })).status).toBe(422);
    expect((await clinicStaff.post('/api/slots', { ...base, start: inHours(-1) })).status).toBe(422);
    expect((await clinicStaff.post('/api/slots', { ...base, indications: ['biliary-colic'] })).status).toBe(422);
    const invalid = await clinicStaff.post<{ fields: Record<string, string[]> }>('/api/slots', {
      ...base,
      start: 'demain',
      durationMinutes: 2,
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.fields).sort()).toEqual(['durationMinutes', 'start']);
  });

  it('shows the agenda of a period: centre staff only see their own centres', async () => {
    const coordinator = await server.signedIn('coordinator');
    await coordinator.post('/api/slots', {
      centreId: centres.hospital,
      modality: 'mri',
      start: inHours(27),
      durationMinutes: 20,
    });
    const period = `from=${inHours(0)}&to=${inHours(48)}`;

    const all = await coordinator.get<SlotView[]>(`/api/slots?${period}`);
    expect(new Set(all.body.map((slot) => slot.centreId))).toEqual(new Set([centres.clinic, centres.hospital]));
    const own = await clinicStaff.get<SlotView[]>(`/api/slots?${period}`);
    expect(own.body.map((slot) => slot.centreId)).toEqual([centres.clinic]);
    expect((await clinicStaff.get(`/api/slots?${period}&centreId=${centres.hospital}`)).status).toBe(403);
    expect((await coordinator.get<SlotView[]>(`/api/slots?${period}&modality=mri`)).body).toHaveLength(1);
    expect((await coordinator.get<SlotView[]>(`/api/slots?${period}&state=booked`)).body).toHaveLength(0);
    expect((await coordinator.get(`/api/slots?from=${inHours(0)}&to=${inHours(24 * 90)}`)).status).toBe(400);
    const other = await server.client().login('radiologie.essarts@creneau.test', DEMO_TEST_PASSWORD);
    expect((await other.get(`/api/slots/${own.body[0].id}`)).status).toBe(404);
  });

  it('withdraws a free slot with a reason, and refuses to withdraw a booked one (409)', async () => {
    const free = await clinicStaff.post<SlotView>('/api/slots', {
      centreId: centres.clinic,
      modality: 'radiography',
      start: inHours(40),
      durationMinutes: 15,
    });
    const withdrawn = await clinicStaff.post<SlotView>(`/api/slots/${free.body.id}/withdraw`, { reason: 'manipulateur absent' });
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.body).toMatchObject({ state: 'withdrawn', stateReason: 'manipulateur absent', version: 2 });
    expect((await clinicStaff.post(`/api/slots/${free.body.id}/withdraw`, { reason: 'encore' })).status).toBe(409);

    const booked = await clinicStaff.post<SlotView>('/api/slots', {
      centreId: centres.clinic,
      modality: 'radiography',
      start: inHours(41),
      durationMinutes: 15,
    });
    await server.dataSource.query(`UPDATE slot SET booked_count = 1 WHERE id = $1`, [booked.body.id]);
    const refused = await clinicStaff.post<{ message: string }>(`/api/slots/${booked.body.id}/withdraw`, {
      reason: 'manipulateur absent',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('déplacez ou annulez');
  });

  it('is guarded by the database against more bookings than places', async () => {
    const slot = await clinicStaff.post<SlotView>('/api/slots', {
      centreId: centres.clinic,
      modality: 'radiography',
      start: inHours(42),
      durationMinutes: 15,
    });
    await expect(server.dataSource.query(`UPDATE slot SET booked_count = 2 WHERE id = $1`, [slot.body.id])).rejects.toThrow(
      /check constraint/,
    );
  });
});
