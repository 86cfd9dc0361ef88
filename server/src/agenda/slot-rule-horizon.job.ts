import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { JobContext, JobCounts, JobDefinition, JobRunner, JobRunResult } from '../jobs/job-runner';
import { SlotRulesService } from './slot-rules.service';

const HOUR = 3_600_000;

/**
 * Every hour (and at start), each running rule publishes its slots up to the rolling 21-day horizon.
 * A rule's own change materialises it at once (SlotRulesService), without waiting for this job.
 */
@Injectable()
export class SlotRuleHorizonJob implements JobDefinition, OnApplicationBootstrap {
  readonly name = 'slot-rule-horizon';
  readonly periodMs = HOUR;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly runner: JobRunner,
    private readonly rules: SlotRulesService,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the server answers while the rules roll forward; the run records its own outcome.
    if (this.config.jobsEnabled) void this.tick();
  }

  @Cron(CronExpression.EVERY_HOUR, { name: 'slot-rule-horizon', waitForCompletion: true })
  tick(): Promise<JobRunResult> {
    return this.runner.run(this);
  }

  async work({ now }: JobContext): Promise<JobCounts> {
    // Each rule in a transaction of its own: one broken rule must not hold the others back.
    return { ...(await this.rules.materialiseAll(now)) };
  }
}
