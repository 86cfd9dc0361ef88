import { Module } from '@nestjs/common';
import { ImportPollerJob } from './import-poller.job';
import { ImportRunner } from './import-runner.service';
import { ImportSourcesService } from './import-sources.service';
import { ImportsController } from './imports.controller';

/**
 * Imports of reserved slots from the centres' own systems (iCal feeds, SMART Scheduling Links).
 * The poller ticks only when the jobs are enabled (JobsModule); a run can always be asked for.
 */
@Module({
  controllers: [ImportsController],
  providers: [ImportSourcesService, ImportRunner, ImportPollerJob],
  exports: [ImportRunner],
})
export class ImportsModule {}
