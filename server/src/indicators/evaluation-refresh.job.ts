import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobContext, JobCounts, JobDefinition, JobRunner, JobRunResult } from '../jobs/job-runner';

const MINUTE = 60_000;

/**
 * Every minute, the evaluation rows of the requests changed meanwhile, so that the queue stays short and the drain
 * before each reading of the figures stays cheap: one instance per tick, recorded, like every job. The drain's own
 * lock keeps it to one drain at a time with the readers' drains too: when one is under way, this tick leaves the
 * work to it (`busy`).
 */
@Injectable()
export class EvaluationRefreshJob implements JobDefinition {
  readonly name = 'evaluation-refresh';
  readonly periodMs = MINUTE;

  constructor(private readonly jobs: JobRunner) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'evaluation-refresh', waitForCompletion: true })
  tick(): Promise<JobRunResult> {
    return this.jobs.run(this);
  }

  async work({ manager }: JobContext): Promise<JobCounts> {
    const [{ refreshed }] = (await manager.query(`SELECT request_evaluation_drain(false) AS refreshed`)) as {
      refreshed: number | null;
    }[];
    return refreshed === null ? { refreshed: 0, busy: 1 } : { refreshed, busy: 0 };
  }
}
