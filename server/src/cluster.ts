import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig } from './config/app-config';
import { DatabaseHandle, openDatabase } from './database/open-database';
import { demoPassword } from './demo/demo-password';
import { DEMO_ACCOUNTS } from './demo/demo-territory';

/**
 * Several server instances on one database, as behind a load balancer (`npm run start:cluster`):
 * the database is reached (or the embedded one started) once, migrated (and the demo seeded) once
 * by the CLI, then `main.js` runs on each port of CLUSTER_PORTS (3000,3001). Live updates made
 * through one instance reach the consoles of the others. Ctrl-C stops them all, then the database.
 */
async function cluster(): Promise<void> {
  const config = loadConfig();
  const ports = (process.env['CLUSTER_PORTS'] ?? '3000,3001').split(',').map((port) => Number(port.trim()));
  if (ports.length < 1 || ports.some((port) => !Number.isInteger(port) || port <= 0 || port > 65535)) {
    throw new Error('CLUSTER_PORTS is a comma-separated list of ports, e.g. 3000,3001.');
  }
  const database = await openDatabase(config);
  const env = { ...process.env, DATABASE_URL: database.url, DATA_DIR: config.dataDir };
  const children: ChildProcess[] = [];
  const stop = stopper(children, database);
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  try {
    const setup = config.demoMode ? 'seed:demo' : 'migrate';
    const code = await exited(run('setup', join(__dirname, 'cli.js'), [setup], env));
    if (code !== 0) throw new Error(`node cli.js ${setup} failed (${code}).`);
    for (const port of ports) {
      const child = run(String(port), join(__dirname, 'main.js'), [], { ...env, PORT: String(port), DEMO: 'false' });
      children.push(child);
      void exited(child).then((exit) => stop(exit || 1)); // an instance that stops stops them all
    }
    await Promise.all(ports.map(healthy));
  } catch (error) {
    process.stderr.write(`The Créneau cluster could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    await stop(1);
  }
  const password = config.demoMode ? await demoPassword(config.demoPassword, config.dataDir) : undefined;
  const lines = [
    `Créneau cluster: ${ports.map((port) => `http://localhost:${port}/`).join(', ')} on one database`,
    `  Database: ${database.embedded ? `embedded PostgreSQL, data in ${config.dataDir}` : 'DATABASE_URL'}`,
  ];
  if (password) {
    lines.push(`  Demo accounts (password: ${password}):`);
    for (const account of DEMO_ACCOUNTS) lines.push(`    ${account.email.padEnd(34)} ${account.role}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Runs a script of this build, its output prefixed with `name`. */
function run(name: string, script: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(prefix(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(prefix(chunk)));
  return child;
}

/** Resolves once the instance on `port` answers its health check. */
async function healthy(port: number): Promise<void> {
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (response) => response.status,
      () => 0,
    );
    if (status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Stops every instance, then the database (once, whoever asks first), and exits. */
function stopper(children: ChildProcess[], database: DatabaseHandle): (code: number) => Promise<void> {
  let stopping = false;
  return async (code) => {
    if (stopping) return;
    stopping = true;
    const running = children.filter((child) => child.exitCode === null);
    for (const child of running) child.kill('SIGTERM');
    await Promise.all(running.map(exited));
    await database.close();
    process.exit(code);
  };
}

cluster().catch((error: unknown) => {
  process.stderr.write(`The Créneau cluster could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
