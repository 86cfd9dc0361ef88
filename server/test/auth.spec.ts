import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../src/accounts/auth.service';
import type { SessionInfo } from '@creneau/contracts';
import { DEMO_TEST_PASSWORD, demoEmail, startTestApp, TestApp } from './support/test-app';

describe('signing in and out', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true, sessionIdleMinutes: 30 });
  });

  afterAll(() => server.close());

  it('signs in with e-mail and password, in an httpOnly SameSite session cookie', async () => {
    const client = server.client();
    const login = await client.post<SessionInfo>('/api/auth/login', {
      email: 'Secretariat@Creneau.test',
      password: DEMO_TEST_PASSWORD,
    });
    expect(login.status).toBe(200);
    expect(login.body.account).toMatchObject({ email: 'secretariat@creneau.test', role: 'secretariat', disabled: false });
    expect(login.body.account).not.toHaveProperty('passwordHash');
    const sessionCookie = login.headers.getSetCookie().find((c) => c.startsWith('creneau_session='));
    expect(sessionCookie).toMatch(/HttpOnly/);
    expect(sessionCookie).toMatch(/SameSite=Strict/);
    expect(sessionCookie).not.toMatch(/Secure/); // plain HTTP here; Secure when the request came over TLS

    const me = await client.get<SessionInfo>('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.account.email).toBe('secretariat@creneau.test');
  });

  it('refuses a wrong password or an unknown e-mail with the same 401', async () => {
    const wrong = await server.client().post('/api/auth/login', { email: demoEmail('doctor'), password: 'nope' });
    const unknown = await server.client().post('/api/auth/login', { email: 'nobody@creneau.test', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
  });

  it('answers malformed credentials with a 400 naming the fields', async () => {
    const response = await server.client().post<{ fields: Record<string, string[]> }>('/api/auth/login', {
      email: 'not-an-email',
      password: '',
      remember: true,
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.fields).sort()).toEqual(['email', 'password', 'remember']);
  });

  it(`locks an account for ${LOCKOUT_MINUTES} min after ${MAX_FAILED_LOGINS} failures, even against the right password`, async () => {
    const email = demoEmail('admin');
    const statuses: number[] = [];
    for (let attempt = 0; attempt < MAX_FAILED_LOGINS; attempt++) {
      statuses.push((await server.client().post('/api/auth/login', { email, password: `wrong-${attempt}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    const right = await server.client().post<{ message: string }>('/api/auth/login', { email, password: DEMO_TEST_PASSWORD });
    expect(right.status).toBe(429);
    expect(right.body.message).toContain('verrouillé');

    const audit = (await server.dataSource.query(
      `SELECT action FROM audit_event e JOIN account a ON a.id = e.account_id WHERE a.email = $1 ORDER BY e.id`,
      [email],
    )) as { action: string }[];
    expect(audit.map((row) => row.action)).toEqual([...Array(MAX_FAILED_LOGINS - 1).fill('login-failed'), 'login-locked']);

    // The lock lapses by itself.
    await server.dataSource.query(`UPDATE account SET locked_until = now() - interval '1 second' WHERE email = $1`, [email]);
    expect((await server.client().post('/api/auth/login', { email, password: DEMO_TEST_PASSWORD })).status).toBe(200);
  });

  it('refuses a state-changing request without the XSRF token, or with another one', async () => {
    const client = await server.signedIn('coordinator');
    const body = { currentPassword: 'x', newPassword: 'y' };
    const missing = await client.request('POST', '/api/auth/password', { body, csrf: false });
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ message: 'Jeton CSRF absent ou invalide.' });
    const forged = await client.request('POST', '/api/auth/password', {
      body,
      csrf: false,
      headers: { 'x-xsrf-token': 'a'.repeat(43) },
    });
    expect(forged.status).toBe(403);
    // With the token, the request reaches validation.
    expect((await client.post('/api/auth/password', body)).status).toBe(400);
  });

  it('hands the XSRF-TOKEN cookie to any first visitor, readable by the console', async () => {
    const response = await fetch(`${server.baseUrl}/api/health`);
    const xsrf = response.headers.getSetCookie().find((c) => c.startsWith('XSRF-TOKEN='));
    expect(xsrf).toBeDefined();
    expect(xsrf).not.toMatch(/HttpOnly/);
  });

  it('ends the session on logout', async () => {
    const client = await server.signedIn('doctor');
    const token = client.cookie('creneau_session');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect(client.cookie('creneau_session')).toBeUndefined();
    const replay = await fetch(`${server.baseUrl}/api/auth/me`, { headers: { cookie: `creneau_session=${token}` } });
    expect(replay.status).toBe(401);
  });

  it('ends a session after the idle timeout', async () => {
    const client = await server.signedIn('centre');
    expect((await client.get('/api/auth/me')).status).toBe(200);
    await server.dataSource.query(`UPDATE session SET last_seen_at = now() - interval '31 minutes'`);
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('changes a password: the old one stops working and the other sessions end', async () => {
    const email = 'imagerie.clinique@creneau.test';
    const first = await server.client().login(email, DEMO_TEST_PASSWORD);
    const second = await server.client().login(email, DEMO_TEST_PASSWORD);
    const tooShort = await second.post<{ fields: Record<string, string[]> }>('/api/auth/password', {
      currentPassword: DEMO_TEST_PASSWORD,
      newPassword: 'short',
    });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.fields).toHaveProperty('newPassword');
    const wrongCurrent = await second.post('/api/auth/password', {
      currentPassword: 'wrong',
      newPassword: 'a-much-longer-password',
    });
    expect(wrongCurrent.status).toBe(400);

    expect(
      (await second.post('/api/auth/password', { currentPassword: DEMO_TEST_PASSWORD, newPassword: 'a-much-longer-password' }))
        .status,
    ).toBe(204);
    expect((await second.get('/api/auth/me')).status).toBe(200);
    expect((await first.get('/api/auth/me')).status).toBe(401);
    expect((await server.client().post('/api/auth/login', { email, password: DEMO_TEST_PASSWORD })).status).toBe(401);
    expect((await server.client().post('/api/auth/login', { email, password: 'a-much-longer-password' })).status).toBe(200);
  });
});

describe('login rate limit', () => {
  it('answers 429 past the per-minute limit from one address', async () => {
    const server = await startTestApp({ seedDemo: true, loginRateLimitPerMinute: 3 });
    try {
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 4; attempt++) {
        statuses.push(
          (await server.client().post('/api/auth/login', { email: `x${attempt}@creneau.test`, password: 'x' })).status,
        );
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
      const refused = await server
        .client()
        .post<{ message: string }>('/api/auth/login', { email: 'x@creneau.test', password: 'x' });
      expect(refused.body.message).toContain('Trop de tentatives');
    } finally {
      await server.close();
    }
  });
});
