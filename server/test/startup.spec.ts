import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../src/database/embedded-postgres';
import { ApiClient } from './support/api-client';
import { createTestDatabase } from './support/test-database';
import { runBuiltServer, ServerProcess, waitForOutput, WORKSPACE_ROOT } from './support/server-process';

const READY = 'Créneau is ready';

/** What `npm start` does after building: the bundled server on a fresh embedded PostgreSQL. */
describe('the built server on its embedded PostgreSQL', () => {
  let dataDir: string;
  let port: number;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'creneau-start-'));
    await chmod(dataDir, 0o755);
    port = await findFreePort();
  });

  afterEach(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  const start = async () => {
    server = runBuiltServer('main.js', [], { PORT: String(port), DATA_DIR: dataDir });
    await waitForOutput(server, READY);
    return server;
  };
  const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);

  it('starts, migrates, seeds the demo and serves the console, the API and its docs', async () => {
    const running = await start();

    expect((await get('/api/health')).status).toBe(200);
    const password = (await readFile(join(dataDir, 'demo-password'), 'utf8')).trim();
    const secretary = await new ApiClient(`http://127.0.0.1:${port}`).login('secretariat@creneau.test', password);
    const territories = (await secretary.get<{ name: string; centres: unknown[] }[]>('/api/territories')).body;
    expect(territories).toEqual([expect.objectContaining({ name: 'CPTS Centre-Vendée (démo)' })]);
    expect(territories[0].centres).toHaveLength(3);

    const home = await get('/');
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('<cr-root>');
    const deepLink = await get('/secretariat/queue');
    expect(await deepLink.text()).toContain('<cr-root>');
    expect((await get('/api/docs')).status).toBe(200);

    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(running.output()).toContain(`password: ${password}`);
    expect(running.output()).toContain('secretariat@creneau.test');
    expect(running.output()).toContain(`http://localhost:${port}/`);
  });

  it('stops cleanly on SIGTERM, leaving no PostgreSQL behind', async () => {
    const running = server as ServerProcess;
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('keeps the data across a restart, and prints the same demo password', async () => {
    const before = (await readFile(join(dataDir, 'demo-password'), 'utf8')).trim();
    const running = await start();
    const coordinator = await new ApiClient(`http://127.0.0.1:${port}`).login('coordination@creneau.test', before);
    expect((await coordinator.get<unknown[]>('/api/territories')).body).toHaveLength(1);
    expect(running.output()).toContain(`password: ${before}`);
  });

  it('refuses a bad PORT with a clear message', async () => {
    const bad = runBuiltServer('main.js', [], { PORT: 'trois-mille', DATA_DIR: dataDir });
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toContain('PORT must be an integer');
  });
});

describe('with DATABASE_URL', () => {
  it('migrates with the CLI, never seeds unless asked, and seeds with seed:demo', async () => {
    const database = await createTestDatabase();
    const env = { DATABASE_URL: database.url, DATA_DIR: join(WORKSPACE_ROOT, 'tmp'), DEMO_PASSWORD: 'demo-test' };
    try {
      const migrate = runBuiltServer('cli.js', ['migrate'], env);
      expect(await migrate.exited).toBe(0);
      expect(migrate.output()).toMatch(/[1-9]\d* migration\(s\) applied/);

      const port = await findFreePort();
      const server = runBuiltServer('main.js', [], { ...env, PORT: String(port) });
      await waitForOutput(server, READY);
      expect(server.output()).not.toContain('Demo accounts');
      expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      expect(await countTerritories(database.url)).toBe(0);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);

      const seed = runBuiltServer('cli.js', ['seed:demo'], env);
      expect(await seed.exited).toBe(0);
      expect(seed.output()).toContain('0 migration(s) applied');
      expect(seed.output()).toContain('Demo territory seeded');
      expect(await countTerritories(database.url)).toBe(1);
      const again = runBuiltServer('cli.js', ['seed:demo'], env);
      expect(await again.exited).toBe(0);
      expect(again.output()).toContain('nothing seeded');
    } finally {
      await database.drop();
    }
  });

  it('answers an unknown CLI command with its usage', async () => {
    const cli = runBuiltServer('cli.js', ['drop-everything'], {});
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toContain('usage: cli <command>');
  });
});

async function countTerritories(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM territory');
    return rows[0].n;
  } finally {
    await client.end();
  }
}
