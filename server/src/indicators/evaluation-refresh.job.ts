import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Cron } from '@nestjs/schedule';
import { DataSource } from 'typeorm';
import { drainEvaluation } from './evaluation-drain';

/**
 * Every 5 seconds, the evaluation rows of the requests changed meanwhile, so that the queue stays short and the
 * drain before each reading of the figures stays cheap. Any instance may drain at any time: the drain's own
 * advisory lock keeps it to one at a time (a busy tick skips), and a missed tick only defers the work to the next
 * tick or reading. Hence no job_run row per tick (17,000 a day) as for the other jobs.
 */
@Injectable()
export class EvaluationRefreshJob {
  private readonly logger = new Logger(EvaluationRefreshJob.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Never throws: a cron handler has nobody to throw to. Returns how many requests it refreshed, null if skipped. */
  @Cron('*/5 * * * * *', { name: 'evaluation-refresh', waitForCompletion: true })
  async tick(): Promise<number | null> {
    try {
      return await drainEvaluation(this.dataSource, { wait: false });
    } catch (error) {
      this.logger.error(`evaluation-refresh failed: ${error instanceof Error ? error.message : String(error)}`);
      return null;
    }
  }
}
