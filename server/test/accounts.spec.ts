import type { AccountSummary, AuditEventView, TerritorySummary } from '@creneau/contracts';
import { ApiClient } from './support/api-client';
import { startTestApp, TestApp } from './support/test-app';

describe('account management', () => {
  let server: TestApp;
  let coordinator: ApiClient;
  let centreIds: string[];

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    coordinator = await server.signedIn('coordinator');
    const territories = await coordinator.get<TerritorySummary[]>('/api/territories');
    centreIds = territories.body[0].centres.map((centre) => centre.id);
  });

  afterAll(() => server.close());

  const newCentreAccount = (email: string) => ({
    email,
    displayName: 'Dr Nouveau Radiologue',
    role: 'centre',
    password: 'un-mot-de-passe-solide',
    centreIds: [centreIds[0]],
    reason: 'arrivée dans le centre',
  });

  it('creates a centre account bound to its centre, and records who did it and why', async () => {
    const created = await coordinator.post<AccountSummary>('/api/accounts', newCentreAccount('new.radiologist@creneau.test'));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      email: 'new.radiologist@creneau.test',
      role: 'centre',
      centreIds: [centreIds[0]],
      disabled: false,
    });

    const audit = await coordinator.get<AuditEventView[]>(`/api/audit?entity=account&entityId=${created.body.id}`);
    expect(audit.body).toEqual([
      expect.objectContaining({ action: 'create', accountEmail: 'coordination@creneau.test', reason: 'arrivée dans le centre' }),
    ]);
    expect(
      (
        await server
          .client()
          .post('/api/auth/login', { email: 'new.radiologist@creneau.test', password: 'un-mot-de-passe-solide' })
      ).status,
    ).toBe(200);
  });

  it('answers bad input with clear errors: fields, rules and conflicts', async () => {
    const invalid = await coordinator.post<{ fields: Record<string, string[]> }>('/api/accounts', {
      email: 'nope',
      displayName: 'X',
      role: 'wizard',
      password: 'short',
      isAdmin: true,
    });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.fields).sort()).toEqual(['displayName', 'email', 'isAdmin', 'password', 'role']);

    const noCentre = await coordinator.post('/api/accounts', { ...newCentreAccount('a@creneau.test'), centreIds: [] });
    expect(noCentre.status).toBe(422);
    const unknownCentre = await coordinator.post('/api/accounts', {
      ...newCentreAccount('b@creneau.test'),
      centreIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(unknownCentre.status).toBe(422);
    const doctorWithoutRpps = await coordinator.post<{ fields: Record<string, string[]> }>('/api/accounts', {
      email: 'gp@creneau.test',
      displayName: 'Dr Généraliste',
      role: 'doctor',
      password: 'un-mot-de-passe-solide',
    });
    expect(doctorWithoutRpps.status).toBe(400);
    expect(doctorWithoutRpps.body.fields).toHaveProperty('rpps');
    const duplicate = await coordinator.post('/api/accounts', newCentreAccount('secretariat@creneau.test'));
    expect(duplicate.status).toBe(409);
    expect((await coordinator.get('/api/accounts/not-a-uuid')).status).toBe(400);
    expect((await coordinator.get('/api/accounts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('lets only an administrator create an administrator', async () => {
    const body = {
      email: 'second.admin@creneau.test',
      displayName: 'Admin 2',
      role: 'admin',
      password: 'un-mot-de-passe-solide',
    };
    expect((await coordinator.post('/api/accounts', body)).status).toBe(403);
    const admin = await server.signedIn('admin');
    expect((await admin.post('/api/accounts', body)).status).toBe(201);
  });

  it('disables an account at once: its open sessions are refused, and it cannot sign in', async () => {
    const doctor = await server.signedIn('doctor');
    expect((await doctor.get('/api/auth/me')).status).toBe(200);
    const accounts = await coordinator.get<AccountSummary[]>('/api/accounts');
    const doctorAccount = accounts.body.find((account) => account.role === 'doctor') as AccountSummary;

    const withoutReason = await coordinator.patch(`/api/accounts/${doctorAccount.id}`, { disabled: true });
    expect(withoutReason.status).toBe(400);
    const disabled = await coordinator.patch<AccountSummary>(`/api/accounts/${doctorAccount.id}`, {
      disabled: true,
      reason: 'départ du territoire',
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabled).toBe(true);

    expect((await doctor.get('/api/auth/me')).status).toBe(401);
    expect(
      (await server.client().post('/api/auth/login', { email: doctorAccount.email, password: 'demo-password-for-tests' })).status,
    ).toBe(401);

    const history = await coordinator.get<AuditEventView[]>(`/api/audit?entity=account&entityId=${doctorAccount.id}&limit=2`);
    expect(history.body.map(({ action, reason }) => ({ action, reason }))).toEqual([
      { action: 'login-refused', reason: null },
      { action: 'disable', reason: 'départ du territoire' },
    ]);
  });

  it('filters the audit trail by account and period', async () => {
    const me = await coordinator.get<{ account: AccountSummary }>('/api/auth/me');
    const since = new Date(Date.now() - 60_000).toISOString();
    const byAccount = await coordinator.get<AuditEventView[]>(`/api/audit?accountId=${me.body.account.id}&from=${since}`);
    expect(byAccount.body.length).toBeGreaterThan(0);
    expect(byAccount.body.every((event) => event.accountId === me.body.account.id)).toBe(true);
    const future = await coordinator.get<AuditEventView[]>(`/api/audit?from=${new Date(Date.now() + 3_600_000).toISOString()}`);
    expect(future.body).toEqual([]);
    expect((await coordinator.get('/api/audit?from=yesterday')).status).toBe(400);
  });
});

describe('the audit table', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ seedDemo: true });
    await server.signedIn('secretariat');
  });

  afterAll(() => server.close());

  it('refuses UPDATE, DELETE and TRUNCATE from the application’s own connection', async () => {
    const [{ n }] = (await server.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`)) as { n: number }[];
    expect(n).toBeGreaterThan(0);
    await expect(server.dataSource.query(`UPDATE audit_event SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(server.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(server.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    const [{ after }] = (await server.dataSource.query(`SELECT count(*)::int AS after FROM audit_event`)) as { after: number }[];
    expect(after).toBe(n);
  });
});
