import type { AppointmentView } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot } from './support/agenda-fixtures';
import { completeForm } from './support/request-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * Many telesecretaries at once on one slot, through the real HTTP API and PostgreSQL: the database
 * keeps every slot within its capacity, and nobody gets a 5xx.
 */
describe('booking under contention', () => {
  let server: TestApp;
  let clinic: string;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    clinic = (await demoCentreIds(server.dataSource)).clinic;
  });

  afterAll(() => server.close());

  // Hundreds of HTTP bookings through a real server and PostgreSQL on 2 cores: seconds normally, more on a busy machine.
  jest.setTimeout(300_000);

  /** `count` bookable requests, recorded the way the secretariat does. */
  async function requests(client: ApiClient, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let index = 0; index < count; index++) {
      ids.push(((await client.post<{ id: string }>('/api/requests', { form: completeForm() })).body as { id: string }).id);
    }
    return ids;
  }

  async function overbookedSlots(): Promise<unknown[]> {
    return server.dataSource.query(
      `SELECT s.id FROM slot s
        WHERE s.booked_count > s.capacity
           OR (SELECT count(*) FROM appointment a WHERE a.slot_id = s.id AND a.status IN ('booked', 'confirmed')) > s.capacity
           OR (SELECT count(*) FROM appointment a WHERE a.slot_id = s.id AND a.status IN ('booked', 'confirmed')) <> s.booked_count`,
    );
  }

  it.each([
    [1, 200],
    [3, 200],
  ])(
    'a slot of capacity %i takes exactly that many of %i simultaneous bookings; the rest get 409',
    async (capacity, attempts) => {
      const secretaries = await Promise.all(Array.from({ length: 4 }, () => server.signedIn('secretariat')));
      const requestIds = await requests(secretaries[0], attempts);
      const slotId = await insertSlot(server.dataSource, {
        centreId: clinic,
        modality: 'ct',
        startsInHours: 30 + capacity,
        capacity,
      });

      const statuses = await Promise.all(
        requestIds.map(async (requestId, index) => {
          const response = await secretaries[index % secretaries.length].request('POST', '/api/appointments', {
            body: { requestId, slotId },
            headers: { 'idempotency-key': `contention-${capacity}-${index}` },
          });
          return response.status;
        }),
      );

      expect(statuses.filter((status) => status === 201)).toHaveLength(capacity);
      expect(statuses.filter((status) => status === 409)).toHaveLength(attempts - capacity);
      expect(statuses.filter((status) => status >= 500)).toEqual([]);
      expect(await overbookedSlots()).toEqual([]);
    },
  );

  it('answers 100 simultaneous replays of one Idempotency-Key with one appointment and identical answers', async () => {
    const secretary = await server.signedIn('secretariat');
    const [requestId] = await requests(secretary, 1);
    const slotId = await insertSlot(server.dataSource, { centreId: clinic, modality: 'ct', startsInHours: 40 });

    const answers = await Promise.all(
      Array.from({ length: 100 }, () =>
        secretary.request<AppointmentView>('POST', '/api/appointments', {
          body: { requestId, slotId },
          headers: { 'idempotency-key': 'one-key-for-all-replays' },
        }),
      ),
    );

    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([201]));
    expect(new Set(answers.map((answer) => JSON.stringify(answer.body))).size).toBe(1);
    const [{ n }] = (await server.dataSource.query(`SELECT count(*)::int AS n FROM appointment WHERE request_id = $1`, [
      requestId,
    ])) as {
      n: number;
    }[];
    expect(n).toBe(1);
    expect(await overbookedSlots()).toEqual([]);
  });
});
