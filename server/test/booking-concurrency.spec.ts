import type { AppointmentView } from '@creneau/contracts';
import type { Actor } from '../src/access/actor';
import { readBookingContext, type BookingContext } from '../src/booking/booking-context';
import { writeBooking } from '../src/booking/booking-write';
import { assertSlotFits } from '../src/booking/slot-fit';
import { assessmentOf } from '../src/requests/request-assessment';
import { OutboxWriter } from '../src/messages/outbox-writer.service';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot } from './support/agenda-fixtures';
import { completeForm } from './support/request-fixtures';
import { demoEmail, startTestApp, TestApp } from './support/test-app';

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

  describe('the guarded write, when something changed between the read and the write', () => {
    let actor: Actor;

    beforeAll(async () => {
      const [account] = (await server.dataSource.query(`SELECT id FROM account WHERE email = $1`, [
        demoEmail('secretariat'),
      ])) as { id: string }[];
      actor = { accountId: account.id, role: 'secretariat', displayName: 'test', centreIds: [], rpps: null, sessionId: 'test' };
    });

    async function freshRead(): Promise<BookingContext> {
      const secretary = await server.signedIn('secretariat');
      const [requestId] = await requests(secretary, 1);
      const slotId = await insertSlot(server.dataSource, { centreId: clinic, modality: 'ct', startsInHours: 44 });
      const read = await readBookingContext(server.dataSource, requestId, slotId, actor.accountId, 'guarded-write-key');
      if (read.stored) throw new Error('no answer was stored yet');
      return read.context;
    }

    function write(context: BookingContext) {
      const outbox = server.app.get(OutboxWriter);
      return writeBooking(server.dataSource, context, actor, {
        action: 'book',
        reason: null,
        booking: {
          message: (row) => outbox.compose('booked', [row], row.id, { ...context, status: 'booked' }),
          idempotency: { key: `guarded-${context.request_id}`, requestHash: 'hash' },
        },
      });
    }

    /** Everything a booking writes, for this request and slot. */
    async function traces(context: BookingContext) {
      const [row] = (await server.dataSource.query(
        `SELECT (SELECT status FROM imaging_request WHERE id = $1) AS request_status,
                (SELECT version FROM imaging_request WHERE id = $1) AS request_version,
                (SELECT booked_count FROM slot WHERE id = $2) AS booked_count,
                (SELECT count(*)::int FROM appointment WHERE request_id = $1) AS appointments,
                (SELECT count(*)::int FROM request_event WHERE request_id = $1 AND action = 'book') AS history,
                (SELECT count(*)::int FROM outbox_message WHERE request_id = $1) AS messages,
                (SELECT count(*)::int FROM idempotency_key WHERE key = $3) AS answers,
                (SELECT count(*)::int FROM live_event WHERE entity_id IN ($1, $2)) AS live_events`,
        [context.request_id, context.slot_id, `guarded-${context.request_id}`],
      )) as Record<string, unknown>[];
      return row;
    }

    it('writes nothing, the request included, when the slot changed (a hold elsewhere, a booking)', async () => {
      const context = await freshRead();
      const before = await traces(context);
      await server.dataSource.query(`UPDATE slot SET version = version + 1 WHERE id = $1`, [context.slot_id]);

      expect(await write(context)).toBeNull();
      expect(await traces(context)).toEqual(before);
    });

    it('writes nothing when the centre closed the slot’s period meanwhile, and the next read refuses it', async () => {
      const context = await freshRead();
      const before = await traces(context);
      const coordinator = await server.signedIn('coordinator');
      const closure = await coordinator.post(`/api/centres/${clinic}/closures`, {
        from: new Date(context.starts_at.getTime() - 60_000).toISOString(),
        to: context.ends_at.toISOString(),
        reason: 'panne du scanner',
      });
      expect(closure.status).toBe(201);

      expect(await write(context)).toBeNull();
      expect(await traces(context)).toEqual(before);
      const reread = await readBookingContext(server.dataSource, context.request_id, context.slot_id, actor.accountId, 'k');
      if (reread.stored) throw new Error('no answer was stored');
      expect(() => assertSlotFits(reread.context, assessmentOf(reread.context, reread.context.request_timezone))).toThrow(
        expect.objectContaining({
          response: expect.objectContaining({ reasons: [expect.objectContaining({ code: 'centre-closed' })] }),
        }),
      );
    });

    it('writes nothing when the centre changed meanwhile (closed, modalities, access): its traits decide the fit', async () => {
      const context = await freshRead();
      const before = await traces(context);
      const coordinator = await server.signedIn('coordinator');
      const edit = await coordinator.patch(`/api/centres/${clinic}`, { phone: '+33 2 51 00 20 99', reason: 'nouveau standard' });
      expect(edit.status).toBe(200);

      expect(await write(context)).toBeNull();
      expect(await traces(context)).toEqual(before);
    });

    it('writes nothing when the request changed', async () => {
      const context = await freshRead();
      const before = await traces(context);
      await server.dataSource.query(`UPDATE imaging_request SET version = version + 1 WHERE id = $1`, [context.request_id]);

      expect(await write(context)).toBeNull();
      expect(await traces(context)).toEqual({ ...before, request_version: context.request_version + 1 });
    });

    it('writes everything once, when nothing changed', async () => {
      const context = await freshRead();

      expect(await write(context)).toMatchObject({ requestId: context.request_id, slotId: context.slot_id, status: 'booked' });
      expect(await traces(context)).toMatchObject({
        request_status: 'booked',
        booked_count: 1,
        appointments: 1,
        history: 1,
        messages: 1,
        answers: 1,
      });
      expect(await write(context)).toBeNull();
    });
  });
});
