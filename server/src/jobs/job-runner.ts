import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { Clock } from './clock';
import { tickOf } from './job-tick';

/** First key of the jobs' two-key advisory locks (imports use 0x1a0c, live events 0x11e7). */
const JOB_LOCK = 0x10b5;
const MAX_ERROR_LENGTH = 2_000;

export type JobCounts = Record<string, number>;

export interface JobContext {
  /** The clock's time for this tick: every "due" of the run is measured against it. */
  now: Date;
  /** The transaction holding the job's lock: work done through it commits with the run, or not at all. */
  manager: EntityManager;
}

export interface JobDefinition {
  readonly name: string;
  /** The time between two ticks of its cron: the tick a run stands for is the start of its period. */
  readonly periodMs: number;
  work(context: JobContext): Promise<JobCounts>;
}

/** `taken`: another instance claimed this tick first, and nothing was recorded here. */
export type JobRunResult =
  { outcome: 'ok'; counts: JobCounts } | { outcome: 'failed'; error: string } | { outcome: 'skipped-busy' | 'taken' };

/**
 * Runs each tick of a job on exactly one instance, never two runs of a job at once:
 * - the tick is claimed by inserting its job_run row, unique per (job, tick): one instance wins it;
 * - the winner then takes the job's transaction-level advisory lock, so a tick that comes while the
 *   previous run still goes on (on any instance) is recorded as skipped-busy instead of overlapping.
 * The lock dies with its transaction, hence with a crashed instance's connection.
 */
@Injectable()
export class JobRunner {
  private readonly logger = new Logger(JobRunner.name);
  /** This process among the server instances: host, pid and a nonce (two runners of one process differ). */
  readonly instance = `${hostname()}#${process.pid}#${randomBytes(3).toString('hex')}`;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Never throws: a cron handler has nobody to throw to; the outcome is logged and recorded. */
  async run(job: JobDefinition): Promise<JobRunResult> {
    const now = this.clock.now();
    let runId: string | null;
    try {
      runId = await this.claim(job.name, tickOf(now, job.periodMs));
    } catch (error) {
      return this.failed(job, error);
    }
    if (runId === null) return { outcome: 'taken' };
    const result = await this.runClaimed(job, now);
    await this.record(runId, result);
    return result;
  }

  private async claim(job: string, tick: Date): Promise<string | null> {
    const rows = (await this.dataSource.query(
      `INSERT INTO job_run (job, tick, instance) VALUES ($1, $2, $3) ON CONFLICT (job, tick) DO NOTHING RETURNING id`,
      [job, tick, this.instance],
    )) as { id: string }[];
    return rows[0]?.id ?? null;
  }

  private async runClaimed(job: JobDefinition, now: Date): Promise<JobRunResult> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      if (!(await tryLock(runner, job.name))) {
        await runner.rollbackTransaction();
        return { outcome: 'skipped-busy' };
      }
      const counts = await job.work({ now, manager: runner.manager });
      await runner.commitTransaction();
      if (Object.values(counts).some((count) => count > 0)) this.logger.log(`${job.name}: ${JSON.stringify(counts)}`);
      return { outcome: 'ok', counts };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      return this.failed(job, error);
    } finally {
      await runner.release();
    }
  }

  private failed(job: JobDefinition, error: unknown): JobRunResult {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.error(`${job.name} failed: ${message}`);
    return { outcome: 'failed', error: message.slice(0, MAX_ERROR_LENGTH) };
  }

  /** Outside the job's transaction, so that a failed run is recorded too. */
  private async record(runId: string, result: JobRunResult): Promise<void> {
    try {
      await this.dataSource.query(
        `UPDATE job_run SET ended_at = clock_timestamp(), outcome = $2, counts = $3, error = $4 WHERE id = $1`,
        [
          runId,
          result.outcome,
          JSON.stringify(result.outcome === 'ok' ? result.counts : {}),
          result.outcome === 'failed' ? result.error : null,
        ],
      );
    } catch (error) {
      this.logger.error(`run ${runId} could not be recorded: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

async function tryLock(runner: QueryRunner, job: string): Promise<boolean> {
  const rows = (await runner.query('SELECT pg_try_advisory_xact_lock($1, hashtext($2)) AS locked', [JOB_LOCK, job])) as {
    locked: boolean;
  }[];
  return rows[0]?.locked === true;
}
