import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';

export const ADMIN_URL_VARIABLE = 'CRENEAU_TEST_ADMIN_URL';

/**
 * Runs once, outside the test sandboxes: points the specs at `DATABASE_URL`, or starts one embedded
 * PostgreSQL for the whole run in a throw-away directory.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env['DATABASE_URL']) {
    process.env[ADMIN_URL_VARIABLE] = process.env['DATABASE_URL'];
    return;
  }
  const runDir = await mkdtemp(join(tmpdir(), 'creneau-test-'));
  await chmod(runDir, 0o755); // reachable by the `postgres` system user when the tests run as root
  const dataDir = join(runDir, 'postgres');
  const postgres = await startEmbeddedPostgres({ dataDir, showLog: process.env['EMBEDDED_PG_LOG'] === '1' });
  process.env[ADMIN_URL_VARIABLE] = postgres.adminUrl;
  (globalThis as { creneauTestPostgres?: typeof postgres }).creneauTestPostgres = postgres;
}
