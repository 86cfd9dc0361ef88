import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';

/** The database the server runs on, and how to let it go. */
export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'creneau';

/**
 * The one place that decides where the data lives: `DATABASE_URL` when set, otherwise a real
 * PostgreSQL started from the `embedded-postgres` package with its data under `dataDir`.
 */
export async function openDatabase(
  config: Pick<AppConfig, 'databaseUrl' | 'dataDir' | 'embeddedPostgresLog'>,
): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return { url: config.databaseUrl, embedded: false, close: async () => undefined };
  }
  const postgres = await startEmbeddedPostgres({
    dataDir: join(config.dataDir, 'postgres'),
    showLog: config.embeddedPostgresLog,
  });
  try {
    await ensureDatabase(postgres.adminUrl, EMBEDDED_DATABASE);
  } catch (error) {
    await postgres.stop();
    throw error;
  }
  return { url: withDatabase(postgres.adminUrl, EMBEDDED_DATABASE), embedded: true, close: () => postgres.stop() };
}

/** Creates `name` on the server of `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    }
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
