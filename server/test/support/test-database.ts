import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { quoteIdentifier, withDatabase } from '../../src/database/open-database';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, empty database of its own for one spec file, on the run's PostgreSQL server. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env['CRENEAU_TEST_ADMIN_URL'];
  if (!adminUrl) throw new Error('CRENEAU_TEST_ADMIN_URL is not set: run the specs through jest.config.cjs.');
  const name = `creneau_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);
  return {
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
