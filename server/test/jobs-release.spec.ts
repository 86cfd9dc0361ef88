import type { AppointmentView, AuditEventView, RequestView, SlotSearchResult, SlotView } from '@creneau/contracts';
import { SlotReleaseJob, RELEASED_AT_CUTOFF } from '../src/jobs/release/slot-release.job';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot } from './support/agenda-fixtures';
import { ClockedApp, startClockedApp } from './support/clocked-app';
import { FakeClock } from './support/fake-clock';
import { liveEventsOf } from './support/job-fixtures';
import { completeForm } from './support/request-fixtures';

const MINUTE = 60_000;

describe('release job: a free slot goes back to its centre at the cut-off', () => {
  const clock = new FakeClock();
  let server: ClockedApp;
  let job: SlotReleaseJob;
  let secretary: ApiClient;
  let coordinator: ApiClient;
  let clinic: string;

  const releaseAt = async (slotId: string) =>
    ((await server.dataSource.query(`SELECT release_at FROM slot WHERE id = $1`, [slotId])) as { release_at: Date }[])[0]
      .release_at;
  const offered = async (slotId: string) => {
    const { body } = await secretary.get<SlotSearchResult>('/api/slots/search?modality=ct');
    return [...body.slots, ...body.firstAfterWindow].some((hit) => hit.slotId === slotId);
  };
  const slot = async (slotId: string) => (await secretary.get<SlotView>(`/api/slots/${slotId}`)).body;

  beforeAll(async () => {
    server = await startClockedApp(clock);
    job = server.app.get(SlotReleaseJob);
    secretary = await server.signedIn('secretariat');
    coordinator = await server.signedIn('coordinator');
    clinic = (await demoCentreIds(server.dataSource)).clinic;
  });

  afterAll(() => server.close());

  it('leaves it offered before the cut-off, then releases it and stops offering it', async () => {
    const slotId = await insertSlot(server.dataSource, {
      centreId: clinic,
      modality: 'ct',
      startsInHours: 30,
      releaseCutoffHours: 4,
    });
    const cutoff = await releaseAt(slotId);

    clock.set(cutoff.getTime() - MINUTE);
    expect(await job.tick()).toEqual({ outcome: 'ok', counts: { released: 0 } });
    expect((await slot(slotId)).state).toBe('free');
    expect(await offered(slotId)).toBe(true);

    clock.set(cutoff);
    expect(await job.tick()).toEqual({ outcome: 'ok', counts: { released: 1 } });
    expect(await slot(slotId)).toMatchObject({ state: 'released', stateReason: RELEASED_AT_CUTOFF, version: 2 });
    expect(await offered(slotId)).toBe(false);
    expect(await liveEventsOf(server.dataSource, slotId)).toEqual([
      {
        type: 'slot.released',
        version: 2,
        centreIds: [clinic],
        doctorRpps: null,
        payload: expect.objectContaining({ slotId, centreId: clinic, state: 'released', bookedCount: 0 }),
      },
    ]);

    const audit = await coordinator.get<AuditEventView[]>(`/api/audit?entity=slot&entityId=${slotId}&limit=10`);
    expect(audit.body).toEqual([
      expect.objectContaining({
        accountId: null,
        action: 'release',
        entity: 'slot',
        entityId: slotId,
        reason: RELEASED_AT_CUTOFF,
      }),
    ]);

    clock.set(cutoff.getTime() + 5 * MINUTE);
    expect(await job.tick()).toEqual({ outcome: 'ok', counts: { released: 0 } });
    expect(await liveEventsOf(server.dataSource, slotId)).toHaveLength(1);
  });

  it('keeps a booked slot, and a held one until its hold lapses unbooked', async () => {
    const booked = await insertSlot(server.dataSource, {
      centreId: clinic,
      modality: 'ct',
      startsInHours: 40,
      releaseCutoffHours: 4,
    });
    const held = await insertSlot(server.dataSource, {
      centreId: clinic,
      modality: 'ct',
      startsInHours: 40,
      releaseCutoffHours: 4,
    });
    const request = (await secretary.post<RequestView>('/api/requests', { form: completeForm() })).body;
    const appointment = await secretary.request<AppointmentView>('POST', '/api/appointments', {
      body: { requestId: request.id, slotId: booked },
      headers: { 'idempotency-key': `release-${booked}` },
    });
    expect(appointment.status).toBe(201);
    const cutoff = await releaseAt(held);
    // A telesecretary on the phone at the cut-off, holding it for five more minutes.
    await server.dataSource.query(
      `INSERT INTO slot_hold (slot_id, account_id, expires_at) SELECT $1, id, $2 FROM account WHERE role = 'secretariat'`,
      [held, new Date(cutoff.getTime() + 5 * MINUTE)],
    );

    clock.set(cutoff);
    expect(await job.tick()).toEqual({ outcome: 'ok', counts: { released: 0 } });
    clock.set(cutoff.getTime() + 6 * MINUTE);
    expect(await job.tick()).toEqual({ outcome: 'ok', counts: { released: 1 } });
    expect((await slot(booked)).state).toBe('booked');
    expect((await slot(held)).state).toBe('released');
    expect((await liveEventsOf(server.dataSource, held)).map((event) => event.type)).toEqual(['slot.released']);
    expect((await liveEventsOf(server.dataSource, booked)).map((event) => event.type)).not.toContain('slot.released');
  });
});
