import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/app-config.token';

/** Well beyond the 24 h of catch-up: a few days to look into what consoles were told. */
const KEPT_DAYS = 7;
const EVERY_MS = 3_600_000;

/**
 * Deletes old live events hourly; idempotent, so instances running it at once do no harm. An event not sealed
 * yet has no occurred_at: never old, it stays for the feeds to seal and deliver.
 */
@Injectable()
export class LiveRetention implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveRetention.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => void this.purge(), EVERY_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async purge(): Promise<number> {
    try {
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM live_event WHERE occurred_at < now() - make_interval(days => $1)`,
        [KEPT_DAYS],
      )) as [unknown, number];
      return deleted;
    } catch (error) {
      this.logger.warn(`Could not delete old live events: ${String(error)}`);
      return 0;
    }
  }
}
