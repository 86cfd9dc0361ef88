import { ROLES, type AccountSummary } from '@creneau/contracts';
import { LiveGateway } from '../src/live/live.gateway';
import { ApiClient } from './support/api-client';
import { demoCentreIds, DemoCentreKey } from './support/agenda-fixtures';
import { disconnection, LiveConsole } from './support/live-client';
import { startTestApp, TestApp } from './support/test-app';

const PASSWORD = 'un-mot-de-passe-solide';

describe('live sockets: who may connect, and what they may send', () => {
  let a: TestApp;
  let b: TestApp;
  let coordinator: ApiClient;
  let centres: Record<DemoCentreKey, string>;
  const consoles: LiveConsole[] = [];
  let accountCounter = 0;

  const connect = async (server: TestApp, client: ApiClient, headers: Record<string, string> = {}) => {
    const live = await LiveConsole.connect(server.baseUrl, client, headers);
    consoles.push(live);
    return live;
  };
  /** A centre account of its own, signed in on `server`: tests that end sessions leave the demo accounts alone. */
  const newCentreStaff = async (server: TestApp) => {
    const email = `live.${++accountCounter}@creneau.test`;
    const created = await coordinator.post<AccountSummary>('/api/accounts', {
      email,
      displayName: 'Dr Temps Réel',
      role: 'centre',
      password: PASSWORD,
      centreIds: [centres.clinic],
      reason: 'test',
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, client: await server.client().login(email, PASSWORD), email };
  };

  beforeAll(async () => {
    a = await startTestApp({ seedDemo: true });
    b = await startTestApp({ sameDatabaseAs: a });
    coordinator = await a.signedIn('coordinator');
    centres = await demoCentreIds(a.dataSource);
  });

  afterAll(async () => {
    for (const live of consoles) live.close();
    await b.close();
    await a.close();
  });

  it('refuses a socket without a session, with an unknown one, or opened by another site’s page', async () => {
    await expect(connect(a, a.client())).rejects.toThrow('Connexion requise.');
    await expect(connect(a, a.client(), { cookie: 'creneau_session=forged' })).rejects.toThrow('Connexion requise.');
    const secretary = await a.signedIn('secretariat');
    await expect(connect(a, secretary, { origin: 'https://evil.example' })).rejects.toThrow('Origine non autorisée.');
    const sameSite = await connect(a, secretary, { origin: a.baseUrl });
    expect(sameSite.socket.connected).toBe(true);
  });

  // Who may send each client event, role by role, is walked in access-matrix.spec.ts with the API routes.
  describe('events outside the contract', () => {
    it.each(ROLES)('refuses an unknown event, and a malformed one, as %s', async (role) => {
      const live = await connect(a, await a.signedIn(role));
      const socket = live.socket as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<unknown> } };
      expect(await socket.timeout(5_000).emitWithAck('live:admin', {})).toEqual({
        status: 'refused',
        message: 'Événement inconnu.',
      });
      expect(await socket.timeout(5_000).emitWithAck('live:subscribe', { after: -1 })).toMatchObject({ status: 'refused' });
      expect(await socket.timeout(5_000).emitWithAck('live:subscribe', 'everything')).toMatchObject({ status: 'refused' });
      expect(await socket.timeout(5_000).emitWithAck('live:subscribe', { after: null })).toMatchObject({ status: 'live' });
      expect(await socket.timeout(5_000).emitWithAck('live:subscribe', { after: null })).toMatchObject({ status: 'refused' });
    });
  });

  it('disconnects at once, on every instance, the sockets of an account being disabled', async () => {
    const staff = await newCentreStaff(b);
    const onB = await connect(b, staff.client);
    const onA = await connect(a, staff.client);
    const ended = [disconnection(onB), disconnection(onA)];

    const disabled = await coordinator.patch(`/api/accounts/${staff.id}`, { disabled: true, reason: 'départ' });
    expect(disabled.status).toBe(200);
    expect(await Promise.all(ended)).toEqual(['io server disconnect', 'io server disconnect']);
    await expect(connect(b, staff.client)).rejects.toThrow('Connexion requise.');
  });

  it('ends a session’s sockets with it: sign-out, and a password change for the other sessions', async () => {
    const staff = await newCentreStaff(a);
    const elsewhere = await b.client().login(staff.email, PASSWORD);
    const kept = await connect(a, staff.client);
    const other = await connect(b, elsewhere);
    const otherEnded = disconnection(other);
    const changed = await staff.client.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD}-2` });
    expect(changed.status).toBe(204);
    expect(await otherEnded).toBe('io server disconnect');
    expect(kept.socket.connected).toBe(true);

    const keptEnded = disconnection(kept);
    expect((await staff.client.post('/api/auth/logout')).status).toBe(204);
    expect(await keptEnded).toBe('io server disconnect');
  });

  it('ends, at its next check, a socket whose session expired or whose centres changed', async () => {
    const moved = await newCentreStaff(a);
    const expired = await newCentreStaff(a);
    const steady = await newCentreStaff(a);
    const sockets = await Promise.all([moved, expired, steady].map((staff) => connect(a, staff.client)));
    const ended = sockets.slice(0, 2).map((live) => disconnection(live));
    expect(
      (await coordinator.patch(`/api/accounts/${moved.id}`, { centreIds: [centres.hospital], reason: 'mutation' })).status,
    ).toBe(200);
    await a.dataSource.query(`UPDATE session SET expires_at = now() WHERE account_id = $1`, [expired.id]);

    await a.app.get(LiveGateway).checkSessions();
    expect(await Promise.all(ended)).toEqual(['io server disconnect', 'io server disconnect']);
    expect(sockets[2].socket.connected).toBe(true);
  });
});
