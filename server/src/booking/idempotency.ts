import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';
import type { StoredKey } from './booking-context';

const REFUSAL_SQL = `INSERT INTO idempotency_key (account_id, key, operation, request_hash, response_status, response_body)
   VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING key`;
const STORED_SQL = `SELECT operation, request_hash, response_status, response_body FROM idempotency_key
   WHERE account_id = $1 AND key = $2`;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** Who asks under which key, for what (`requestHash`: a digest of the body). */
export interface IdempotencyScope {
  accountId: string;
  key: string;
  operation: string;
  requestHash: string;
}

/**
 * The answer a replay gets: the first one, refusals included, unless the key served another request (422). An answer
 * is kept with the change it reports, in the same statement, so a stored key always has its final answer.
 */
export function replayOf(stored: StoredKey, scope: IdempotencyScope): StoredAnswer {
  if (stored.operation !== scope.operation || stored.request_hash !== scope.requestHash) {
    return {
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Cette clé d’idempotence a déjà servi pour une autre requête.',
      },
    };
  }
  return { status: stored.response_status, body: stored.response_body };
}

/**
 * Keeps a refusal as the key's answer. Should the key have been answered meanwhile (a concurrent replay: the insert
 * waits for it to commit), that first answer is the one given.
 */
export async function keepRefusal(
  executor: DataSource | EntityManager,
  scope: IdempotencyScope,
  refusal: StoredAnswer,
): Promise<StoredAnswer> {
  const kept = await preparedQuery(executor, 'idempotency-refusal', REFUSAL_SQL, [
    scope.accountId,
    scope.key,
    scope.operation,
    scope.requestHash,
    refusal.status,
    JSON.stringify(refusal.body),
  ]);
  if (kept.length === 1) return refusal;
  const [stored] = await preparedQuery<StoredKey>(executor, 'idempotency-stored', STORED_SQL, [scope.accountId, scope.key]);
  return replayOf(stored, scope);
}
