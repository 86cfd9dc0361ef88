import { Logger } from '@nestjs/common';
import { DatabaseError, type Pool, type PoolClient, type QueryResultRow } from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

const SLOW_QUERY_MS = 1_000;
const logger = new Logger('Database');

/**
 * A named statement, for the hot paths (session lookup, search, booking): each connection parses and plans it
 * once, then only binds and executes it (PostgreSQL keeps the generic plan when it is no worse than a custom one).
 * On short statements, parsing and planning were most of PostgreSQL's work. Given a transaction's manager, runs on
 * its connection; given the data source, on the pool. `name` must be unique to `text` across the app. Failures are
 * TypeORM's QueryFailedError, as `dataSource.query` throws, for DatabaseErrorFilter.
 */
export async function preparedQuery<Row extends QueryResultRow>(
  executor: DataSource | EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<Row[]> {
  const startedAt = performance.now();
  const connection = await connectionOf(executor);
  const client = isPool(connection) ? await connection.connect() : connection;
  let failure: unknown;
  try {
    return (await client.query<Row>({ name, text, values })).rows;
  } catch (error) {
    failure = error;
    throw new QueryFailedError(text, values, error as Error);
  } finally {
    // A statement's own error (a conflict, a constraint) leaves the connection as good as before: back to the pool
    // with its prepared statements. `Pool.query` would close it, and the next caller would pay for a new backend.
    if (client !== connection) (client as PoolClient).release(isStatementError(failure) ? undefined : (failure as Error));
    const elapsed = performance.now() - startedAt;
    if (elapsed > SLOW_QUERY_MS) logger.warn(`slow query ${name} (${Math.round(elapsed)} ms)`);
  }
}

function isPool(connection: Pool | PoolClient): connection is Pool {
  return 'totalCount' in connection;
}

function isStatementError(error: unknown): boolean {
  return error === undefined || (error instanceof DatabaseError && error.severity === 'ERROR');
}

async function connectionOf(executor: DataSource | EntityManager): Promise<Pool | PoolClient> {
  if (executor instanceof DataSource) return (executor.driver as PostgresDriver).master as Pool;
  const runner = executor.queryRunner as PostgresQueryRunner | undefined;
  if (!runner) return (executor.connection.driver as PostgresDriver).master as Pool;
  return (await runner.connect()) as PoolClient;
}
