import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ImportPollerJob } from './import-poller.job';
import { ImportRunner } from './import-runner.service';
import { ImportSourcesService } from './import-sources.service';
import { ImportsController } from './imports.controller';

/** Imports of reserved slots from the centres' own systems (iCal feeds, SMART Scheduling Links). */
@Module({})
export class ImportsModule {
  /** Without jobs, nothing polls: the runs happen on demand (and in tests, through ImportRunner). */
  static register(options: { jobsEnabled: boolean }): DynamicModule {
    return {
      module: ImportsModule,
      imports: options.jobsEnabled ? [ScheduleModule.forRoot()] : [],
      controllers: [ImportsController],
      providers: [ImportSourcesService, ImportRunner, ...(options.jobsEnabled ? [ImportPollerJob] : [])],
      exports: [ImportRunner],
    };
  }
}
