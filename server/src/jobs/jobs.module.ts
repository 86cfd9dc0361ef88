import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ChaseJob } from './chase/chase.job';
import { Clock } from './clock';
import { LostToFollowUpJob } from './follow-up/lost-to-follow-up.job';
import { JobRunner } from './job-runner';
import { JobRunsService } from './job-runs.service';
import { JobsController } from './jobs.controller';
import { SlotReleaseJob } from './release/slot-release.job';
import { RetentionJob } from './retention/retention.job';

export interface JobsOptions {
  /** Whether the cron timers tick here; off, the jobs still run when called (tests, another instance's role). */
  enabled: boolean;
  clock: Clock;
}

/**
 * The scheduled jobs' machinery: the clock, the runner (one instance per tick, each run recorded) and
 * the jobs that belong to no feature. Global, so that the features' own jobs (rule horizon, import
 * poller) run through the same runner.
 */
@Module({})
export class JobsModule {
  static register(options: JobsOptions): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: options.enabled ? [ScheduleModule.forRoot()] : [],
      controllers: [JobsController],
      providers: [
        { provide: Clock, useValue: options.clock },
        JobRunner,
        JobRunsService,
        SlotReleaseJob,
        ChaseJob,
        LostToFollowUpJob,
        RetentionJob,
      ],
      exports: [Clock, JobRunner],
    };
  }
}
