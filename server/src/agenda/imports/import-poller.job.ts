import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobContext, JobCounts, JobDefinition, JobRunner, JobRunResult } from '../../jobs/job-runner';
import { ImportRunner } from './import-runner.service';

const MINUTE = 60_000;

/**
 * Every minute, the sources whose next poll is due: each source keeps its own interval, and backs off
 * after failures (poll-schedule.ts). Each source's run also takes the source's own lock, shared with
 * the manual "run now".
 */
@Injectable()
export class ImportPollerJob implements JobDefinition {
  readonly name = 'import-poll';
  readonly periodMs = MINUTE;

  constructor(
    private readonly jobs: JobRunner,
    private readonly imports: ImportRunner,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'import-poll', waitForCompletion: true })
  tick(): Promise<JobRunResult> {
    return this.jobs.run(this);
  }

  async work({ now }: JobContext): Promise<JobCounts> {
    const outcomes = await this.imports.runDue(now);
    return { sources: outcomes.length, failed: outcomes.filter((outcome) => !outcome.ok).length };
  }
}
