import { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '@creneau/migrations';
import { ENTITIES } from './entities';
import { DatabaseLogger } from './typeorm-logger';

/**
 * TypeORM's configuration, shared by the Nest app and the standalone CLI.
 * The schema changes through `migrations/` only: never `synchronize`.
 */
export function typeOrmOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: ALL_MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new DatabaseLogger(),
    maxQueryExecutionTime: 1_000,
    extra: { max: 20, connectionTimeoutMillis: 5_000, application_name: 'creneau' },
  };
}
