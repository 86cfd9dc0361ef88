import { DataSource } from 'typeorm';
import { verifyPassword } from '../src/accounts/password-hasher';
import { typeOrmOptions } from '../src/database/typeorm-options';
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
