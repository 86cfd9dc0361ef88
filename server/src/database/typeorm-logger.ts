import { Logger as NestLogger } from '@nestjs/common';
import type { Logger } from 'typeorm';

/**
 * TypeORM's messages through the app's logger. Query parameters are never logged: they carry
 * patients' names, birth dates and phone numbers.
 */
export class DatabaseLogger implements Logger {
  private readonly logger = new NestLogger('Database');

  logQuery(): void {
    // Queries are not logged: too many, and the slow ones are reported below.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.warn(`${error instanceof Error ? error.message : error} — in: ${compact(query)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${compact(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

function compact(query: string): string {
  return query.replace(/\s+/g, ' ').slice(0, 300);
}
