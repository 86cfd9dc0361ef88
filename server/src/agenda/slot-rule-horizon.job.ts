import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';
import { MaterialisationCounts } from './slot-rule-materialiser';
import { SlotRulesService } from './slot-rules.service';

/** Advisory lock key of this job: one instance at a time rolls the rules' horizon forward. */
const HORIZON_LOCK_KEY = 0x43_52_48_5a; // "CRHZ"

/** Every hour (and at start), each running rule publishes its slots up to the rolling 21-day horizon. */
@Injectable()
export class SlotRuleHorizonJob implements OnApplicationBootstrap {
  private readonly logger = new Logger('SlotRuleHorizonJob');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rules: SlotRulesService,
  ) {}

  onApplicationBootstrap(): void {
    // Errors are logged by run(); a failed first run must not stop the server.
    if (this.config.jobsEnabled) this.run().catch(() => undefined);
  }

  @Cron(CronExpression.EVERY_HOUR)
  async run(): Promise<MaterialisationCounts | 'busy'> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [HORIZON_LOCK_KEY])) as {
        locked: boolean;
      }[];
      if (!locked) return 'busy';
      try {
        const counts = await this.rules.materialiseAll();
        if (counts.created + counts.updated + counts.withdrawn > 0)
          this.logger.log(`rules materialised: ${JSON.stringify(counts)}`);
        return counts;
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [HORIZON_LOCK_KEY]);
      }
    } catch (error) {
      this.logger.error(`rule materialisation failed: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    } finally {
      await runner.release();
    }
  }
}
