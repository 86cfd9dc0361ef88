import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { ALL_MIGRATIONS } from '@creneau/migrations';
import { ENTITIES } from './entities';
import { DatabaseLogger } from './typeorm-logger';

// A calendar date (PostgreSQL `date`, `date[]`) stays the 'yyyy-mm-dd' text it is: read into a JS Date it
// would become a midnight in the server's own time zone, a different instant on every machine.
const DATE_OID = 1082;
const DATE_ARRAY_OID = 1182 as Parameters<typeof types.setTypeParser>[0]; // not in pg-types' list of names
types.setTypeParser(DATE_OID, (value: string) => value);
types.setTypeParser(DATE_ARRAY_OID, (value: string) => (value === '{}' ? [] : value.slice(1, -1).split(',')));

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
    // A burst waits for a connection rather than failing: 20 per instance, PostgreSQL beside it.
    extra: { max: 20, connectionTimeoutMillis: 30_000, application_name: 'creneau' },
  };
}
