import { randomUUID } from 'node:crypto';
import { Client, Notification } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { typeOrmOptions } from '../src/database/typeorm-options';
import { insertLiveEvents } from '../src/live/live-events';
import { LiveFeed } from '../src/live/live-feed';
import { sealLiveEventsOn } from '../src/live/live-seal';
import { LiveEntry } from '../src/live/recent-events';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { startTestApp, TestApp } from './support/test-app';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newTerritory(dataSource: DataSource): Promise<string> {
  const [{ id }] = (await dataSource.query(
    `INSERT INTO territory (name, timezone, target_delay_hours, maximum_delay_hours)
     VALUES ('T ' || gen_random_uuid(), 'Europe/Paris', 48, 72) RETURNING id`,
  )) as { id: string }[];
  return id;
}

/** Writes events as the app does (insertLiveEvents), each of a new entity; resolves to their entity ids. */
async function write(manager: EntityManager, territoryId: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  const drafts = ids.map((entityId) => ({
    type: 'slot.changed',
    entity: 'slot',
    entity_id: entityId,
    version: 1,
    territory_id: territoryId,
    centre_ids: [],
    doctor_rpps: null,
    payload: {},
  }));
  await manager.query(insertLiveEvents('$1'), [JSON.stringify(drafts)]);
  return ids;
}

interface Row {
  row_id: string;
  id: string | null;
  entity_id: string;
}

describe('sealing live events after their commit', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let territoryId: string;
  let listener: Client;
  const notifications: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(typeOrmOptions(database.url)).initialize();
    territoryId = await newTerritory(dataSource);
    listener = new Client({ connectionString: database.url });
    await listener.connect();
    listener.on('notification', (message: Notification) => notifications.push(message.payload ?? ''));
    await listener.query('LISTEN live_event');
  });

  afterAll(async () => {
    await listener.end();
    await dataSource.destroy();
    await database.drop();
  });

  const rows = async () => (await dataSource.query(`SELECT row_id, id, entity_id FROM live_event ORDER BY row_id`)) as Row[];
  const told = async (expected: string[]) => {
    await listener.query('SELECT 1'); // notifications sent before now have arrived
    expect(notifications.splice(0)).toEqual(expected);
  };

  it('numbers the committed events in row order, whatever the order of the commits; a rollback leaves nothing', async () => {
    const runners = [0, 1, 2, 3].map(() => dataSource.createQueryRunner());
    for (const runner of runners) await runner.startTransaction();
    const written = [
      await write(runners[0].manager, territoryId, 2),
      await write(runners[1].manager, territoryId, 1),
      await write(runners[2].manager, territoryId, 3),
      await write(runners[3].manager, territoryId, 2),
    ];
    await runners[2].commitTransaction();
    await runners[3].rollbackTransaction();
    await runners[0].commitTransaction();
    // runners[1] has not committed yet.
    await told(['', '']); // one notification per committed transaction, none for the rollback

    expect(await sealLiveEventsOn(dataSource)).toBe(5);
    await told(['sealed']);
    const sealed = await rows(); // the uncommitted rows are not seen
    expect(sealed.map((row) => row.entity_id)).toEqual([...written[0], ...written[2]]);
    expect(sealed.map((row) => Number(row.id))).toEqual([1, 2, 3, 4, 5]);

    expect(await sealLiveEventsOn(dataSource)).toBe(0);
    await told([]); // nothing sealed, nobody told

    await runners[1].commitTransaction();
    await told(['']);
    expect((await rows()).filter((row) => row.id === null).map((row) => row.entity_id)).toEqual(written[1]);
    expect(await sealLiveEventsOn(dataSource)).toBe(1);
    const [late] = (await dataSource.query(`SELECT id, occurred_at FROM live_event WHERE entity_id = $1`, [written[1][0]])) as {
      id: string;
      occurred_at: Date;
    }[];
    expect(Number(late.id)).toBe(6); // sealed later, numbered after
    expect(late.occurred_at).toBeInstanceOf(Date);
    expect(await dataSource.query(`SELECT row_id FROM live_event WHERE id IS NULL`)).toEqual([]);
    await told(['sealed']);
    for (const runner of runners) await runner.release();
  });

  it('tells nothing of a statement that wrote no event', async () => {
    await dataSource.transaction((manager) => manager.query(insertLiveEvents(`'[]'`)));
    await dataSource.transaction((manager) => write(manager, territoryId, 0));
    await told([]);
    await dataSource.transaction(async (manager) => {
      await write(manager, territoryId, 1);
      await write(manager, territoryId, 2);
    });
    await told(['']); // once for the transaction
    expect(await sealLiveEventsOn(dataSource)).toBe(3);
    await told(['sealed']);
  });

  it('numbers a large batch in row order', async () => {
    const written = new Set([
      ...(await dataSource.transaction((manager) => write(manager, territoryId, 600))),
      ...(await dataSource.transaction((manager) => write(manager, territoryId, 400))),
    ]);
    expect(await sealLiveEventsOn(dataSource)).toBe(1_000);
    const batch = (await rows()).filter((row) => written.has(row.entity_id));
    expect(batch).toHaveLength(1_000);
    const ids = batch.map((row) => Number(row.id));
    expect(ids).toEqual([...ids].sort((x, y) => x - y));
    expect(new Set(ids).size).toBe(ids.length);
    notifications.splice(0);
  });
});

/** Two server instances sealing and reading while many transactions write events at once. */
describe('live feeds under concurrent writers', () => {
  let a: TestApp;
  let b: TestApp;
  let territoryId: string;

  beforeAll(async () => {
    a = await startTestApp();
    b = await startTestApp({ sameDatabaseAs: a });
    territoryId = await newTerritory(a.dataSource);
  });

  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('delivers on every instance each committed event once, in id order, ids following row order; never a rolled-back one', async () => {
    const feeds = [a, b].map((app) => app.app.get(LiveFeed));
    const delivered: LiveEntry[][] = feeds.map(() => []);
    const subscriptions = feeds.map((feed, i) => feed.events$.subscribe((entry) => delivered[i].push(entry)));

    const committed: string[][] = [];
    const rolledBack = new Set<string>();
    const writers = Array.from({ length: 80 }, async (_, i) => {
      const app = i % 2 === 0 ? a : b;
      let ids: string[] = [];
      try {
        await app.dataSource.transaction(async (manager) => {
          ids = await write(manager, territoryId, 1 + (i % 3));
          await pause((i * 7) % 23);
          if (i % 9 === 4) throw new Error('rolled back');
          if (i % 2 === 1) ids = [...ids, ...(await write(manager, territoryId, 1))];
        });
        committed.push(ids);
      } catch {
        for (const id of ids) rolledBack.add(id);
      }
    });
    await Promise.all(writers);
    const expected = committed.flat();

    // Woken by the notifications alone, both feeds get there (the safety poll aside).
    const deadline = Date.now() + 10_000;
    while (delivered.some((entries) => entries.length < expected.length) && Date.now() < deadline) await pause(20);
    for (const feed of feeds) await feed.settle();
    for (const subscription of subscriptions) subscription.unsubscribe();

    const table = (await a.dataSource.query(`SELECT id, row_id, entity_id FROM live_event ORDER BY id`)) as Row[];
    expect(table.map((row) => row.entity_id).sort()).toEqual([...expected].sort());
    expect(table.every((row) => row.id !== null)).toBe(true);
    for (const entries of delivered) {
      expect(entries.map((entry) => entry.event.entityId)).toEqual(table.map((row) => row.entity_id));
      expect(entries.map((entry) => entry.event.id)).toEqual(table.map((row) => Number(row.id)));
    }
    expect(rolledBack.size).toBeGreaterThan(0);
    expect(table.filter((row) => rolledBack.has(row.entity_id))).toEqual([]);
    // Within a transaction, the events keep the order in which it wrote them.
    const position = new Map(table.map((row, index) => [row.entity_id, index]));
    for (const ids of committed) {
      const places = ids.map((id) => position.get(id) ?? -1);
      expect(places).toEqual([...places].sort((x, y) => x - y));
    }
  });
});
