import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { JobDefinition, JobRunner, JobRunResult } from '../src/jobs/job-runner';
import { FakeClock } from './support/fake-clock';
import { createTestDatabase, TestDatabase } from './support/test-database';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-24T08:00:00Z');

/**
 * Three scheduler instances, each with its own connection pool, on one database: what three servers
 * do when their cron timers fire together.
 */
describe('a job ticked on three instances', () => {
  let database: TestDatabase;
  let dataSources: DataSource[];
  let runners: JobRunner[];
  const clock = new FakeClock(new Date(T0));

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSources = [];
    for (const migrationsRun of [true, false, false]) {
      dataSources.push(await new DataSource({ ...typeOrmOptions(database.url), migrationsRun }).initialize());
    }
    runners = dataSources.map((dataSource) => new JobRunner(dataSource, clock));
    await dataSources[0].query(`CREATE TABLE job_probe (job text PRIMARY KEY, running int NOT NULL, executions int NOT NULL,
      overlapping int NOT NULL)`);
  });

  afterAll(async () => {
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
    await database.drop();
  });

  /** Counts its executions, and the ones that started while another was still running, in its own rows. */
  function probe(name: string, work: (dataSource: DataSource) => Promise<void> = pause): JobDefinition[] {
    return dataSources.map((dataSource) => ({
      name,
      periodMs: MINUTE,
      async work() {
        const [[{ running }]] = (await dataSource.query(
          `UPDATE job_probe SET running = running + 1 WHERE job = $1 RETURNING running`,
          [name],
        )) as [[{ running: number }], number];
        await work(dataSource);
        await dataSource.query(
          `UPDATE job_probe SET running = running - 1, executions = executions + 1, overlapping = overlapping + $2 WHERE job = $1`,
          [name, running > 1 ? 1 : 0],
        );
        return { executed: 1 };
      },
    }));
  }

  const probeRow = async (name: string) =>
    (
      (await dataSources[0].query(`SELECT running, executions, overlapping FROM job_probe WHERE job = $1`, [name])) as unknown[]
    )[0];
  const runsOf = async (name: string) =>
    (await dataSources[0].query(`SELECT tick, instance, outcome, counts FROM job_run WHERE job = $1 ORDER BY tick`, [name])) as {
      tick: Date;
      instance: string;
      outcome: string;
      counts: Record<string, number>;
    }[];
  /** All three instances tick at once, in a random order so that none is always first. */
  const tickAll = (jobs: JobDefinition[]): Promise<JobRunResult[]> =>
    Promise.all(shuffled([0, 1, 2]).map((index) => runners[index].run(jobs[index])));

  it('runs 100 ticks exactly 100 times, each on one instance, never two at once', async () => {
    await dataSources[0].query(`INSERT INTO job_probe VALUES ('probe', 0, 0, 0)`);
    const jobs = probe('probe');
    for (let tick = 0; tick < 100; tick++) {
      clock.set(T0 + tick * MINUTE);
      const outcomes = (await tickAll(jobs)).map((result) => result.outcome).sort();
      expect(outcomes).toEqual(['ok', 'taken', 'taken']);
    }

    expect(await probeRow('probe')).toEqual({ running: 0, executions: 100, overlapping: 0 });
    const runs = await runsOf('probe');
    expect(runs).toHaveLength(100);
    expect(runs.every((run, index) => run.outcome === 'ok' && run.tick.getTime() === T0 + index * MINUTE)).toBe(true);
    expect(runs.every((run) => run.counts['executed'] === 1)).toBe(true);
    const instances = new Set(runs.map((run) => run.instance));
    expect([...instances].every((instance) => runners.some((runner) => runner.instance === instance))).toBe(true);
    expect(instances.size).toBeGreaterThan(1);
  });

  it('skips a tick while the previous run still goes on elsewhere, and records it as skipped-busy', async () => {
    await dataSources[0].query(`INSERT INTO job_probe VALUES ('slow', 0, 0, 0)`);
    let finish = () => undefined as void;
    const held = new Promise<void>((resolve) => (finish = resolve));
    let started = () => undefined as void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const slow = probe('slow', async () => {
      started();
      await held;
    });
    const fast = probe('slow');

    clock.set(T0);
    const first = runners[0].run(slow[0]);
    await running;
    clock.set(T0 + MINUTE);
    expect((await tickAll(fast)).map((result) => result.outcome).sort()).toEqual(['skipped-busy', 'taken', 'taken']);
    finish();
    expect((await first).outcome).toBe('ok');
    clock.set(T0 + 2 * MINUTE);
    expect((await tickAll(fast)).map((result) => result.outcome).sort()).toEqual(['ok', 'taken', 'taken']);

    expect(await probeRow('slow')).toEqual({ running: 0, executions: 2, overlapping: 0 });
    expect((await runsOf('slow')).map((run) => run.outcome)).toEqual(['ok', 'skipped-busy', 'ok']);
  });

  it('records a failed run with its error, undoes its work and lets the next tick run', async () => {
    const failing: JobDefinition = {
      name: 'failing',
      periodMs: MINUTE,
      async work({ manager }) {
        await manager.query(`INSERT INTO job_probe VALUES ('failing', 0, 1, 0)`);
        throw new Error('source unreachable');
      },
    };
    clock.set(T0);
    expect(await runners[1].run(failing)).toEqual({ outcome: 'failed', error: 'source unreachable' });
    expect(await probeRow('failing')).toBeUndefined();
    const [run] = (await dataSources[0].query(`SELECT outcome, error, ended_at FROM job_run WHERE job = 'failing'`)) as {
      outcome: string;
      error: string;
      ended_at: Date | null;
    }[];
    expect(run).toEqual({ outcome: 'failed', error: 'source unreachable', ended_at: expect.any(Date) });

    clock.set(T0 + MINUTE);
    expect((await runners[2].run({ ...failing, work: async () => ({ recovered: 1 }) })).outcome).toBe('ok');
  });
});

async function pause(): Promise<void> {
  // A few milliseconds inside the run: an overlapping run would have the time to show up in `running`.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
}

function shuffled<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}
