import { Pool } from 'pg';
import type { AppointmentView, IndicatorsReport, RequestView } from '@creneau/contracts';
import { drainEvaluation } from '../src/indicators/evaluation-drain';
import { EvaluationRefreshJob } from '../src/indicators/evaluation-refresh.job';
import { ApiClient } from './support/api-client';
import { demoCentreIds, insertSlot, type DemoCentreKey } from './support/agenda-fixtures';
import { downloadEvaluation, parseEvaluationCsv } from './support/evaluation-files';
import { completeForm, todayInParis } from './support/request-fixtures';
import { startTestApp, TestApp } from './support/test-app';

let keyCounter = 0;

/**
 * The writers' triggers queue the requests they change (request_evaluation_stale); a drain refreshes their
 * evaluation rows, before every reading of the figures and once a minute (migration 1764160000000).
 */
describe('the evaluation rows, refreshed by a drain rather than in the writers’ statements', () => {
  let server: TestApp;
  let secretary: ApiClient;
  let coordinator: ApiClient;
  let centres: Record<DemoCentreKey, string>;

  const createRequest = async () => (await secretary.post<RequestView>('/api/requests', { form: completeForm() })).body;
  const slot = (centre: DemoCentreKey, startsInHours: number) =>
    insertSlot(server.dataSource, { centreId: centres[centre], modality: 'ct', startsInHours });
  const book = async (requestId: string, slotId: string) => {
    const { status, body } = await secretary.request<AppointmentView>('POST', '/api/appointments', {
      body: { requestId, slotId },
      headers: { 'idempotency-key': `refresh-${++keyCounter}-${Date.now()}` },
    });
    expect(status).toBe(201);
    return body;
  };
  const drain = () => drainEvaluation(server.dataSource);
  const queued = async (requestId: string) =>
    (
      (await server.dataSource.query(`SELECT count(*)::int AS n FROM request_evaluation_stale WHERE request_id = $1`, [
        requestId,
      ])) as { n: number }[]
    )[0].n;
  const evaluationOf = async (requestId: string) =>
    (
      (await server.dataSource.query(`SELECT outcome, centre_id FROM request_evaluation WHERE request_id = $1`, [requestId])) as {
        outcome: string;
        centre_id: string | null;
      }[]
    )[0];
  const today = async () => {
    const { status, body } = await coordinator.get<IndicatorsReport>(
      `/api/indicators?${new URLSearchParams({ from: todayInParis(), to: todayInParis() })}`,
    );
    expect(status).toBe(200);
    return body;
  };

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    centres = await demoCentreIds(server.dataSource);
    secretary = await server.signedIn('secretariat');
    coordinator = await server.signedIn('coordinator');
  });

  afterAll(() => server.close());

  it('queues a booked request, and leaves its evaluation row as it was until a drain', async () => {
    const request = await createRequest();
    await drain();
    expect(await evaluationOf(request.id)).toEqual({ outcome: 'not-booked', centre_id: null });

    await book(request.id, await slot('clinic', 20));
    expect(await queued(request.id)).toBeGreaterThan(0);
    expect(await evaluationOf(request.id)).toEqual({ outcome: 'not-booked', centre_id: null });

    // The request's update and the appointment's insert each queued it: one refresh.
    expect(await drain()).toBe(1);
    expect(await queued(request.id)).toBe(0);
    expect(await evaluationOf(request.id)).toEqual({ outcome: 'pending', centre_id: centres.clinic });
    expect(await drain()).toBe(0);
  });

  it('drains before the indicators and the export read: they show a booking made just before', async () => {
    const before = await today();
    const request = await createRequest();
    await book(request.id, await slot('hospital', 21));
    expect(await queued(request.id)).toBeGreaterThan(0);

    const after = await today();
    expect(after.requests.received).toBe(before.requests.received + 1);
    expect(after.booked.count).toBe(before.booked.count + 1);
    expect(await queued(request.id)).toBe(0);

    await createRequest();
    const download = await downloadEvaluation(coordinator, server.baseUrl, { from: todayInParis(), to: todayInParis() });
    expect(download.status).toBe(200);
    expect(parseEvaluationCsv(download.bytes.toString('utf8'))).toHaveLength(after.requests.received + 1);
  });

  it('loses no change committed during drains: a last drain leaves the rows a full refresh would', async () => {
    const toggled = await Promise.all(Array.from({ length: 10 }, () => createRequest()));
    const booked = await Promise.all(Array.from({ length: 10 }, () => createRequest()));
    const slots = await Promise.all(booked.map((_, index) => slot(index % 2 ? 'clinic' : 'hospital', 30 + index)));
    const pool = new Pool({ connectionString: server.databaseUrl, max: 16 });
    const inTransaction = async (statements: [string, unknown[]][]) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        for (const [sql, parameters] of statements) await client.query(sql, parameters);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    };
    // Commits that fall between a drain's delete and its commit, or between two drains.
    const toggle = (requestId: string) =>
      inTransaction([
        [`UPDATE imaging_request SET outside_protocol = NOT outside_protocol WHERE id = $1`, [requestId]],
        [`SELECT pg_sleep(random() * 0.01)`, []],
      ]);
    const slowDrain = () =>
      inTransaction([
        [`SELECT request_evaluation_drain(false)`, []],
        [`SELECT pg_sleep(0.005)`, []],
      ]);
    const job = server.app.get(EvaluationRefreshJob);

    let writing = true;
    let drains = 0;
    // The job's work, in a transaction of its own as the runner gives it (a tick runs once a minute).
    const jobDrain = () => server.dataSource.transaction((manager) => job.work({ now: new Date(), manager }));
    const drainers = [slowDrain, jobDrain, drain].map(async (run) => {
      while (writing) {
        await run();
        drains++;
      }
    });
    try {
      await Promise.all([
        ...booked.map((request, index) => book(request.id, slots[index])),
        (async () => {
          for (let round = 0; round < 15; round++) await Promise.all(toggled.map((request) => toggle(request.id)));
        })(),
      ]);
    } finally {
      writing = false;
      await Promise.all(drainers);
      await pool.end();
    }
    expect(drains).toBeGreaterThan(10);

    await drain();
    const rows = () => server.dataSource.query(`SELECT to_jsonb(f) AS row FROM request_evaluation f ORDER BY request_id`);
    const drained = await rows();
    await server.dataSource.query(`SELECT request_evaluation_refresh(ARRAY(SELECT id FROM imaging_request))`);
    expect(drained).toEqual(await rows());
    expect(drained).toHaveLength(
      ((await server.dataSource.query(`SELECT count(*)::int AS n FROM imaging_request`)) as { n: number }[])[0].n,
    );
  });

  it('holds a centre’s sector or the time zone back while a drain is under way (it would write rows back)', async () => {
    const pool = new Pool({ connectionString: server.databaseUrl, max: 2 });
    const [draining, changing] = await Promise.all([pool.connect(), pool.connect()]);
    try {
      await draining.query(`BEGIN; SELECT request_evaluation_drain(true)`);
      await changing.query(`BEGIN; SET LOCAL lock_timeout = '200ms'`);
      await expect(
        changing.query(`UPDATE centre SET sector = CASE sector WHEN 'public' THEN 'private' ELSE 'public' END WHERE id = $1`, [
          centres.clinic,
        ]),
      ).rejects.toThrow(/lock timeout/);
      await changing.query(`ROLLBACK; BEGIN; SET LOCAL lock_timeout = '200ms'`);
      await expect(changing.query(`UPDATE territory SET timezone = 'UTC'`)).rejects.toThrow(/lock timeout/);
    } finally {
      await Promise.all([draining.query('ROLLBACK'), changing.query('ROLLBACK')]);
      draining.release();
      changing.release();
      await pool.end();
    }
  });

  it('drains what is queued once a minute, as a recorded job, and leaves the work to a drain under way', async () => {
    const job = server.app.get(EvaluationRefreshJob);
    const request = await createRequest();
    expect(await queued(request.id)).toBeGreaterThan(0);

    const pool = new Pool({ connectionString: server.databaseUrl, max: 1 });
    const reader = await pool.connect();
    try {
      // A reader's drain under way holds the drain's lock until its transaction ends.
      await reader.query(`BEGIN; SELECT request_evaluation_drain(true)`);
      expect(await server.dataSource.transaction((manager) => job.work({ now: new Date(), manager }))).toEqual({
        refreshed: 0,
        busy: 1,
      });
    } finally {
      await reader.query('ROLLBACK');
      reader.release();
      await pool.end();
    }

    const run = await job.tick();
    expect(run).toMatchObject({ outcome: 'ok', counts: { busy: 0 } });
    expect(await queued(request.id)).toBe(0);
    const [recorded] = (await server.dataSource.query(
      `SELECT outcome, counts FROM job_run WHERE job = 'evaluation-refresh' ORDER BY started_at DESC LIMIT 1`,
    )) as { outcome: string; counts: { refreshed: number } }[];
    expect(recorded.outcome).toBe('ok');
    expect(recorded.counts.refreshed).toBeGreaterThan(0);
  });

  it('refuses to drain in a snapshot older than its lock', async () => {
    await expect(
      server.dataSource.transaction('REPEATABLE READ', (manager) => manager.query(`SELECT request_evaluation_drain(true)`)),
    ).rejects.toThrow(/READ COMMITTED/);
  });
});
