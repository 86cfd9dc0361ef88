import type { QueryRunner } from 'typeorm';

/** First key of the two-key advisory locks on import sources, so they never collide with other jobs' locks. */
const IMPORT_SOURCE_LOCK = 0x1a0c;

/**
 * A session-level advisory lock on one source, held on the runner's own connection for the whole
 * run (fetch included), so that one server instance imports a source at a time. Two sources whose
 * ids share a hash merely wait for each other.
 */
export async function tryLockSource(runner: QueryRunner, sourceId: string): Promise<boolean> {
  const rows: { locked: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', [
    IMPORT_SOURCE_LOCK,
    sourceId,
  ]);
  return rows[0]?.locked === true;
}

export async function unlockSource(runner: QueryRunner, sourceId: string): Promise<void> {
  await runner.query('SELECT pg_advisory_unlock($1, hashtext($2))', [IMPORT_SOURCE_LOCK, sourceId]);
}
