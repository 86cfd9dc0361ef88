import { DataSource } from 'typeorm';

export interface Statement {
  sql: string;
  parameters: unknown[];
}

/**
 * Runs read-only statements side by side, each on its own connection, all on the first one's snapshot
 * (pg_export_snapshot): figures computed in parallel still describe one and the same state of the data.
 */
export async function onOneSnapshot(dataSource: DataSource, statements: Statement[]): Promise<unknown[][]> {
  const runners = statements.map(() => dataSource.createQueryRunner());
  try {
    // One round trip each (simple protocol, no parameters). Sorting a year of delays for the medians fits in
    // memory; no parallel workers: the statements already run side by side, and workers would fight them for cores.
    const begin = (runner: (typeof runners)[number], snapshot?: string) =>
      runner.query(
        `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; ${snapshot ? `SET TRANSACTION SNAPSHOT '${snapshot}'; ` : ''}` +
          `SET LOCAL work_mem = '32MB'; SET LOCAL max_parallel_workers_per_gather = 0`,
      );
    const [first, ...others] = runners;
    await begin(first);
    const [{ snapshot }] = (await first.query('SELECT pg_export_snapshot() AS snapshot')) as { snapshot: string }[];
    await Promise.all(others.map((runner) => begin(runner, snapshot)));
    return (await Promise.all(
      runners.map((runner, index) => runner.query(statements[index].sql, statements[index].parameters)),
    )) as unknown[][];
  } finally {
    await Promise.all(
      runners.map(async (runner) => {
        if (!runner.isReleased) {
          await runner.query('ROLLBACK').catch(() => undefined);
          await runner.release();
        }
      }),
    );
  }
}
