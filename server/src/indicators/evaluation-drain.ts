import { DataSource } from 'typeorm';

/**
 * Refreshes the evaluation rows of the requests changed since the last drain, each once: the writers' triggers only
 * queue their ids (migration 1764160000000, which says why no change is lost). Its own transaction, READ COMMITTED.
 *
 * - `wait` (before reading the figures): waits for a drain under way, then drains what is left, so that what is read
 *   next holds every change committed before the call.
 * - otherwise (the job): skips, returning null, when another drain holds the lock.
 * Nothing queued and no drain under way: one cheap lookup, and 0 (the ids a drain deletes stay visible to others
 * until it commits, its refreshed rows with them).
 */
export async function drainEvaluation(dataSource: DataSource, { wait }: { wait: boolean }): Promise<number | null> {
  const [{ refreshed }] = (await dataSource.query(
    `SELECT CASE WHEN NOT EXISTS (SELECT FROM request_evaluation_stale) THEN 0
                 ELSE request_evaluation_drain($1) END AS refreshed`,
    [wait],
  )) as { refreshed: number | null }[];
  return refreshed;
}
