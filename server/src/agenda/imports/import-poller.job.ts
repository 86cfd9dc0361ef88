import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { ImportRunner } from './import-runner.service';

/** Every minute, the sources whose next poll is due; the advisory lock of each run keeps other instances off it. */
@Injectable()
export class ImportPollerJob {
  private readonly logger = new Logger(ImportPollerJob.name);

  constructor(private readonly runner: ImportRunner) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'import-poller', waitForCompletion: true })
  async poll(): Promise<void> {
    try {
      const outcomes = await this.runner.runDue();
      const failed = outcomes.filter((outcome) => !outcome.ok).length;
      if (outcomes.length) this.logger.log(`imported ${outcomes.length} source(s), ${failed} failed`);
    } catch (error) {
      this.logger.error(`import polling failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
