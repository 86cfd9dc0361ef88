import { DataSource } from 'typeorm';
import { verifyPassword } from '../src/accounts/password-hasher';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { seedDemoActivity } from '../src/demo/demo-activity';
import { seedDemoTerritory } from '../src/demo/demo-seed';
import { DEMO_ACCOUNTS, DEMO_CENTRES } from '../src/demo/demo-territory';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('demo territory seed', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(typeOrmOptions(database.url)).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('seeds the territory, its three centres and one account per role into an empty database', async () => {
    expect(await seedDemoTerritory(dataSource, 'démo-secret')).toBe('seeded');

    const territories = await dataSource.query(`SELECT name, timezone, target_delay_hours, maximum_delay_hours FROM territory`);
    expect(territories).toEqual([
      { name: 'CPTS Centre-Vendée (démo)', timezone: 'Europe/Paris', target_delay_hours: 48, maximum_delay_hours: 72 },
    ]);
    const centres = (await dataSource.query(`SELECT sector, modalities FROM centre ORDER BY name`)) as {
      sector: string;
      modalities: string[];
    }[];
    expect(centres).toHaveLength(3);
    expect(centres.filter((c) => c.sector === 'public')).toEqual([
      { sector: 'public', modalities: ['radiography', 'ultrasound', 'ct', 'mri'] },
    ]);
    const roles = (await dataSource.query(`SELECT DISTINCT role FROM account ORDER BY role`)) as { role: string }[];
    expect(roles.map((r) => r.role)).toEqual(['admin', 'centre', 'coordinator', 'doctor', 'secretariat']);
  });

  it('binds each centre account to its own centre', async () => {
    const links = (await dataSource.query(
      `SELECT a.email, c.name FROM account_centre ac JOIN account a ON a.id = ac.account_id JOIN centre c ON c.id = ac.centre_id`,
    )) as { email: string; name: string }[];
    const centreAccounts = DEMO_ACCOUNTS.filter((a) => a.role === 'centre');
    expect(links).toHaveLength(centreAccounts.length);
    for (const account of centreAccounts) {
      const centre = DEMO_CENTRES.find((c) => c.key === account.centres?.[0]);
      expect(links).toContainEqual({ email: account.email, name: centre?.name });
    }
  });

  it('stores argon2id hashes of the demo password, never the password', async () => {
    const rows = (await dataSource.query(`SELECT password_hash FROM account`)) as { password_hash: string }[];
    for (const { password_hash } of rows) {
      expect(password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(password_hash, 'démo-secret')).toBe(true);
      expect(await verifyPassword(password_hash, 'wrong')).toBe(false);
    }
  });

  it('does nothing on a database that already holds a territory, even from two seeders at once', async () => {
    const second = new DataSource(typeOrmOptions(database.url));
    await second.initialize();
    try {
      const outcomes = await Promise.all([seedDemoTerritory(dataSource, 'x'), seedDemoTerritory(second, 'y')]);
      expect(outcomes).toEqual(['database-not-empty', 'database-not-empty']);
      const [{ n }] = (await dataSource.query(`SELECT count(*)::int AS n FROM territory`)) as { n: number }[];
      expect(n).toBe(1);
    } finally {
      await second.destroy();
    }
  });

  it('seeds exactly once when two instances race on an empty database', async () => {
    const fresh = await createTestDatabase();
    const sources = [new DataSource(typeOrmOptions(fresh.url)), new DataSource(typeOrmOptions(fresh.url))];
    try {
      await sources[0].initialize();
      await sources[1].initialize();
      const outcomes = await Promise.all(sources.map((source) => seedDemoTerritory(source, 'race')));
      expect([...outcomes].sort()).toEqual(['database-not-empty', 'seeded']);
      const [{ n }] = (await sources[0].query(`SELECT count(*)::int AS n FROM account`)) as { n: number }[];
      expect(n).toBe(DEMO_ACCOUNTS.length);
    } finally {
      await Promise.all(sources.map((source) => source.destroy()));
      await fresh.drop();
    }
  });
});

describe('demo activity', () => {
  it('gives a newcomer recurring slots for three weeks and a queue with a request in every state, each with its history', async () => {
    const database = await createTestDatabase();
    const dataSource = await new DataSource(typeOrmOptions(database.url)).initialize();
    try {
      await seedDemoTerritory(dataSource, 'demo');
      expect(await seedDemoActivity(dataSource)).toBe('seeded');

      const [{ rules, days }] = (await dataSource.query(
        `SELECT (SELECT count(*)::int FROM slot_rule) AS rules,
                (SELECT count(DISTINCT (starts_at AT TIME ZONE 'Europe/Paris')::date)::int FROM slot WHERE origin = 'rule') AS days`,
      )) as { rules: number; days: number }[];
      expect(rules).toBeGreaterThanOrEqual(8);
      expect(days).toBeGreaterThanOrEqual(20);

      const requests = (await dataSource.query(
        `SELECT status, readiness, refusal_count, (SELECT count(*)::int FROM request_event e WHERE e.request_id = r.id) AS events
           FROM imaging_request r ORDER BY reference`,
      )) as { status: string; readiness: string; refusal_count: number; events: number }[];
      expect(requests.map((r) => r.status)).toEqual(['incomplete', 'to-book', 'to-book', 'booked', 'confirmed', 'to-book']);
      expect(requests.map((r) => r.readiness)).toContain('outside-protocol');
      expect(requests.find((r) => r.refusal_count === 1)?.events).toBe(3);
      expect(requests.every((r) => r.events >= 1)).toBe(true);

      const overbooked = await dataSource.query(
        `SELECT s.id FROM slot s WHERE s.booked_count <> (SELECT count(*) FROM appointment a WHERE a.slot_id = s.id AND a.status IN ('booked', 'confirmed'))`,
      );
      expect(overbooked).toEqual([]);
      expect(await seedDemoActivity(dataSource)).toBe('already-active');
    } finally {
      await dataSource.destroy();
      await database.drop();
    }
  });
});
