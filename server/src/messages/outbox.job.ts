import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { JobContext, JobCounts, JobDefinition, JobRunner, JobRunResult } from '../jobs/job-runner';
import { OutboxSender } from './outbox-sender.service';

const MINUTE = 60_000;

/** Every minute, the messages due: one instance per tick, under the jobs' advisory lock (JobRunner). */
@Injectable()
export class OutboxJob implements JobDefinition {
  readonly name = 'outbox-send';
  readonly periodMs = MINUTE;

  constructor(
    private readonly jobs: JobRunner,
    private readonly sender: OutboxSender,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'outbox-send', waitForCompletion: true })
  tick(): Promise<JobRunResult> {
    return this.jobs.run(this);
  }

  async work({ now, manager }: JobContext): Promise<JobCounts> {
    return { ...(await this.sender.sendDue(manager, now)) };
  }
}
