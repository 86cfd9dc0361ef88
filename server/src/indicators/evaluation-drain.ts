import { DataSource } from 'typeorm';

/**
 * Before the figures or the export are read: refreshes the evaluation rows of the requests changed since the last
 * drain, each once (the writers' triggers only queue their ids: migration 1764160000000 says why no change is lost).
 * Waits for a drain under way (the job's, another reader's), then drains what is left, so that what is read next
 * holds every change committed before the call. Its own transaction, READ COMMITTED.
 * Nothing queued and no drain under way: one cheap lookup (the ids a drain deletes stay visible to others until it
 * commits, its refreshed rows with them). Returns how many requests it refreshed.
 */
export async function drainEvaluation(dataSource: DataSource): Promise<number> {
  const [{ refreshed }] = (await dataSource.query(
    `SELECT CASE WHEN NOT EXISTS (SELECT FROM request_evaluation_stale) THEN 0
                 ELSE request_evaluation_drain(true) END AS refreshed`,
  )) as { refreshed: number }[];
  return refreshed;
}
