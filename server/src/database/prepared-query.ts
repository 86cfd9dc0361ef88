import { Logger } from '@nestjs/common';
import type { Pool, QueryResultRow } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const SLOW_QUERY_MS = 1_000;
const logger = new Logger('Database');

/**
 * A named statement on the app's pool, for the hot read paths: each connection parses and plans it once, then only
 * binds and executes it (PostgreSQL keeps the generic plan when it is no worse than a custom one). Outside a
 * transaction only. `name` must be unique to `text` across the app. Failures are TypeORM's QueryFailedError, as
 * `dataSource.query` throws, for DatabaseErrorFilter.
 */
export async function preparedQuery<Row extends QueryResultRow>(
  dataSource: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const startedAt = performance.now();
  try {
    return (await pool.query<Row>({ name, text, values })).rows;
  } catch (error) {
    throw new QueryFailedError(text, values, error as Error);
  } finally {
    const elapsed = performance.now() - startedAt;
    if (elapsed > SLOW_QUERY_MS) logger.warn(`slow query ${name} (${Math.round(elapsed)} ms)`);
  }
}
