import { DataSource } from 'typeorm';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { createTestDatabase, TestDatabase } from './support/test-database';

describe('migrations', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource({ ...typeOrmOptions(database.url), migrationsRun: false }).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('apply on an empty database, then find nothing left to apply', async () => {
    const first = await dataSource.runMigrations();
    expect(first.length).toBeGreaterThan(0);
    expect(await dataSource.runMigrations()).toEqual([]);
    const tables = (await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )) as { table_name: string }[];
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['account', 'account_centre', 'centre', 'territory']));
  });

  it('leave a schema that refuses what the domain forbids', async () => {
    const [territory] = (await dataSource.query(
      `INSERT INTO territory (name, timezone, target_delay_hours, maximum_delay_hours) VALUES ('T', 'Europe/Paris', 48, 72) RETURNING id`,
    )) as { id: string }[];
    const insertCentre = (modalities: string) =>
      dataSource.query(
        `INSERT INTO centre (territory_id, name, sector, organisation, street_address, postcode, city, latitude, longitude,
           phone, secure_email, modalities, wheelchair_accessible, stretcher_accessible, accepts_mr_conditional_pacemaker)
         VALUES ($1, $2, 'public', 'O', 'A', '85000', 'C', 46.6, -1.4, 'P', 'm@x.test', $3::text[], true, true, false)`,
        [territory.id, `centre ${modalities}`, modalities],
      );
    await expect(insertCentre('{radiography,ct}')).resolves.toBeDefined();
    await expect(insertCentre('{radiography,pet}')).rejects.toThrow(/check constraint/);
    await expect(
      dataSource.query(
        `INSERT INTO account (email, display_name, role, password_hash) VALUES ('Upper@x.test', 'U', 'secretariat', 'h')`,
      ),
    ).rejects.toThrow(/check constraint/);
    await expect(
      dataSource.query(
        `INSERT INTO account (email, display_name, role, password_hash) VALUES ('gp@x.test', 'GP', 'doctor', 'h')`,
      ),
    ).rejects.toThrow(/check constraint/);
  });

  it('revert cleanly, newest first', async () => {
    for (let pending = dataSource.migrations.length; pending > 0; pending--) {
      await dataSource.undoLastMigration();
    }
    const tables = (await dataSource.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    )) as { n: number }[];
    expect(tables[0].n).toBe(0);
  });
});
