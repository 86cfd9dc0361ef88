import { Client } from 'pg';
import { startTestApp, TestApp } from './support/test-app';

describe('GET /api/health', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });

  afterAll(() => server.close());

  it('answers 200 with the database up, a request id and security headers', async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up', version: expect.any(String) });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const kept = await fetch(`${server.baseUrl}/api/health`, { headers: { 'x-request-id': 'call-42' } });
    expect(kept.headers.get('x-request-id')).toBe('call-42');
    const replaced = await fetch(`${server.baseUrl}/api/health`, { headers: { 'x-request-id': 'bad id\twith spaces' } });
    expect(replaced.headers.get('x-request-id')).not.toBe('bad id\twith spaces');
  });

  it('serves the OpenAPI document, which lists the health route', async () => {
    const response = await fetch(`${server.baseUrl}/api/docs-json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toContain('/api/health');
  });

  it('answers an unknown API route with a JSON 404', async () => {
    const response = await fetch(`${server.baseUrl}/api/nothing-here`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ statusCode: 404 });
  });
});

describe('GET /api/health when the database is gone', () => {
  it('answers 503 with the database down, without leaking the error', async () => {
    const server = await startTestApp();
    try {
      await cutOffConnections(server);
      const response = await fetch(`${server.baseUrl}/api/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', database: 'down', version: expect.any(String) });
    } finally {
      await server.close();
    }
  });
});

/** Makes the app's database refuse every connection, as if its server were down. */
async function cutOffConnections(server: TestApp): Promise<void> {
  const [{ name }] = (await server.dataSource.query('SELECT current_database() AS name')) as { name: string }[];
  const admin = new Client({ connectionString: process.env['CRENEAU_TEST_ADMIN_URL'] });
  await admin.connect();
  try {
    await admin.query(`ALTER DATABASE "${name}" WITH ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
  } finally {
    await admin.end();
  }
}
