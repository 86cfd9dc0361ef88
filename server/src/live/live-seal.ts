import type { ClientBase, QueryResult } from 'pg';
import { DataSource } from 'typeorm';

/** First key of the two-key advisory lock that orders live events (imports use 0x1a0c, jobs 0x10b5). */
export const LIVE_EVENT_LOCK = 0x11e7;

/**
 * Numbers, in row_id order, every committed live event still without an id, and tells the other instances
 * when it numbered any. One simple query of several statements, so one round trip and one implicit
 * transaction: the lock, taken before the UPDATE's snapshot, is held through this transaction's commit, so
 * sealers run one after the other and each one's ids, greater than all before, become visible after them.
 * Readers may then read `id > cursor` with no gap handling. Rows of transactions not yet committed are not
 * seen: a later seal numbers them.
 */
const SEAL_SQL = `SELECT pg_advisory_xact_lock(${LIVE_EVENT_LOCK}, 0);
WITH sealed AS (
  UPDATE live_event e SET id = n.id, occurred_at = clock_timestamp()
    FROM (SELECT row_id, nextval('live_event_id_seq') AS id
            FROM (SELECT row_id FROM live_event WHERE id IS NULL ORDER BY row_id FOR UPDATE) p) n
   WHERE e.row_id = n.row_id
  RETURNING 1),
counted AS (SELECT count(*)::int AS sealed FROM sealed)
SELECT sealed, CASE WHEN sealed > 0 THEN pg_notify('live_event', 'sealed') END AS told FROM counted`;

/** The NOTIFY payload of a seal; a writer's commit sends an empty one. */
export const SEALED = 'sealed';

/** Seals on this connection, which must be outside any transaction; resolves to the number of events sealed. */
export async function sealLiveEvents(client: Pick<ClientBase, 'query'>): Promise<number> {
  const results = (await client.query(SEAL_SQL)) as unknown as QueryResult<{ sealed: number }>[];
  return results[results.length - 1].rows[0].sealed;
}

/** Seals on a connection of the app's pool. */
export async function sealLiveEventsOn(dataSource: DataSource): Promise<number> {
  const runner = dataSource.createQueryRunner();
  try {
    return await sealLiveEvents((await runner.connect()) as ClientBase);
  } finally {
    await runner.release();
  }
}
