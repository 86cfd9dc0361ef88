import { HttpException } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { preparedQuery } from '../database/prepared-query';

const CLAIM_SQL = `INSERT INTO idempotency_key (account_id, key, operation, request_hash, response_status, response_body)
   VALUES ($1, $2, $3, $4, 0, 'null') ON CONFLICT DO NOTHING RETURNING key`;
const ANSWER_SQL = `UPDATE idempotency_key SET response_status = $3, response_body = $4 WHERE account_id = $1 AND key = $2`;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/**
 * Runs `work` once per (account, key): a replay gets the first answer, refusals included, and the same
 * key with another body gets a 422. Concurrent replays wait on the key's row until the first one commits.
 */
export async function runIdempotent(
  dataSource: DataSource,
  scope: { accountId: string; key: string; operation: string; requestHash: string },
  work: (manager: EntityManager) => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  return dataSource.transaction(async (manager) => {
    const claimed = await preparedQuery(manager, 'idempotency-claim', CLAIM_SQL, [
      scope.accountId,
      scope.key,
      scope.operation,
      scope.requestHash,
    ]);
    if (claimed.length === 0) return replay(manager, scope);

    await manager.query('SAVEPOINT idempotent_work');
    let answer: StoredAnswer;
    try {
      answer = await work(manager);
    } catch (error) {
      if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
      // A refusal is an answer too: undo the attempt, keep the key and the refusal.
      await manager.query('ROLLBACK TO SAVEPOINT idempotent_work');
      answer = { status: error.getStatus(), body: error.getResponse() };
    }
    await preparedQuery(manager, 'idempotency-answer', ANSWER_SQL, [
      scope.accountId,
      scope.key,
      answer.status,
      JSON.stringify(answer.body),
    ]);
    return answer;
  });
}

async function replay(
  manager: EntityManager,
  scope: { accountId: string; key: string; operation: string; requestHash: string },
): Promise<StoredAnswer> {
  const [row] = (await manager.query(
    `SELECT operation, request_hash, response_status, response_body FROM idempotency_key WHERE account_id = $1 AND key = $2`,
    [scope.accountId, scope.key],
  )) as { operation: string; request_hash: string; response_status: number; response_body: unknown }[];
  if (row.operation !== scope.operation || row.request_hash !== scope.requestHash) {
    return {
      status: 422,
      body: {
        statusCode: 422,
        error: 'Unprocessable Entity',
        message: 'Cette clé d’idempotence a déjà servi pour une autre requête.',
      },
    };
  }
  return { status: row.response_status, body: row.response_body };
}
