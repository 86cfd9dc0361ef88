import { ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
/** Every demo account's password in this suite. */
export const DEMO_PASSWORD = 'e2e-demo-password-2026';

export interface BuiltServer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * `node dist/server/main.js` as `npm start` runs it, on a fresh embedded PostgreSQL seeded with the
 * demo territory, serving the built console: what a user of a fresh install gets.
 */
export async function startBuiltServer(): Promise<BuiltServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'creneau-e2e-'));
  // When run as root, the embedded PostgreSQL runs as the `postgres` user, which must reach its data.
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const { DATABASE_URL: _existing, ...inherited } = process.env;
  const child = spawn(process.execPath, [join(WORKSPACE_ROOT, 'dist/server/main.js')], {
    cwd: WORKSPACE_ROOT,
    env: {
      ...inherited,
      PORT: String(port),
      DATA_DIR: dataDir,
      DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      // The suite signs in more often in a minute than any person would.
      LOGIN_RATE_LIMIT: '100',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      // It stops its embedded PostgreSQL first; a server that hangs is killed, so the run still ends.
      const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(killer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitUntilHealthy(baseUrl, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop };
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}):\n${output()}`);
    const status = await fetch(`${baseUrl}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await delay(250);
  }
  throw new Error(`The server did not become healthy in time:\n${output()}`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));
