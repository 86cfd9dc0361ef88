import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { ImportRunOutcome } from '@creneau/contracts';
import type { Actor } from '../../access/actor';
import { AuditService } from '../../audit/audit.service';
import { Centre } from '../../territory/centre.entity';
import { FeedError } from './feed-error';
import { readFeed } from './feed-reader';
import { tryLockSource, unlockSource } from './import-lock';
import { ImportSource } from './import-source.entity';
import { toImportSourceView } from './import-source-view';
import { IMPORT_HORIZON_DAYS, type ImportContext } from './imported-slot';
import { nextPollAt } from './poll-schedule';
import { AppliedImport, applySlotImport } from './slot-import.applier';

export interface RunOptions {
  actor: Pick<Actor, 'accountId'> | null;
  trigger: 'manual' | 'schedule';
  /** The clock of the run; tests set it to import a dated publication. */
  now?: Date;
  /** The poller's case: skip a source another instance has just imported. */
  onlyIfDue?: boolean;
}

/** Why a run did not happen: another instance holds the source, or it is no longer due. */
export type RunRefusal = 'busy' | 'not-due';

const DUE_SOURCES_PER_TICK = 20;
/** The answer lists the first skipped items only: a feed of thousands of unmappable events would drown it. */
const MAX_REPORTED_SKIPS = 100;
const EMPTY_RUN: AppliedImport = {
  counts: { created: 0, updated: 0, unchanged: 0, withdrawn: 0, conflicts: 0, skipped: 0 },
  skipped: [],
  conflicts: [],
};

/** Runs the import of one source: fetch, read, apply in one transaction, record the source's status and an audit line. */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger(ImportRunner.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Every active source whose next poll is due, one after the other. */
  async runDue(now = new Date()): Promise<ImportRunOutcome[]> {
    const due: { id: string }[] = await this.dataSource.query(
      'SELECT id FROM import_source WHERE active AND next_poll_at <= $1 ORDER BY next_poll_at LIMIT $2',
      [now, DUE_SOURCES_PER_TICK],
    );
    const outcomes: ImportRunOutcome[] = [];
    for (const { id } of due) {
      try {
        const outcome = await this.run(id, { actor: null, trigger: 'schedule', now, onlyIfDue: true });
        if (typeof outcome !== 'string') outcomes.push(outcome);
      } catch (error) {
        this.logger.error(`import of source ${id} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return outcomes;
  }

  async run(sourceId: string, options: RunOptions): Promise<ImportRunOutcome | RunRefusal> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (!(await tryLockSource(runner, sourceId))) return 'busy';
      try {
        return await this.runLocked(runner, sourceId, options);
      } finally {
        await unlockSource(runner, sourceId);
      }
    } finally {
      await runner.release();
    }
  }

  private async runLocked(runner: QueryRunner, sourceId: string, options: RunOptions): Promise<ImportRunOutcome | RunRefusal> {
    const now = options.now ?? new Date();
    const source = await runner.manager.findOneByOrFail(ImportSource, { id: sourceId });
    if (options.onlyIfDue && (!source.active || source.nextPollAt > now)) return 'not-due';
    const centre = await runner.manager.findOneOrFail(Centre, { where: { id: source.centreId }, relations: { territory: true } });
    const context: ImportContext = {
      window: { from: now, to: new Date(now.getTime() + IMPORT_HORIZON_DAYS * 86_400_000) },
      timezone: centre.territory.timezone,
      sourceModality: source.modality,
      centreModalities: centre.modalities,
    };
    let applied: AppliedImport;
    try {
      const feed = await readFeed(source, context);
      const target = { sourceId, centreId: source.centreId, kind: source.kind, timezone: context.timezone };
      applied = await this.inTransaction(runner, async (manager) => {
        const result = await applySlotImport(manager, target, feed, now);
        await this.finish(manager, source, now, null, result, options);
        return result;
      });
    } catch (failure) {
      // Nothing of this run was applied: only the failure is recorded, the source's slots stay as they were.
      if (!(failure instanceof FeedError)) this.logger.error(`import of source ${sourceId}: ${String(failure)}`);
      const error = failure instanceof FeedError ? failure.message : 'Erreur interne pendant l’import : rien n’a été modifié.';
      await this.inTransaction(runner, (manager) => this.finish(manager, source, now, error, EMPTY_RUN, options));
      return this.outcome(runner.manager, sourceId, now, error, EMPTY_RUN);
    }
    return this.outcome(runner.manager, sourceId, now, null, applied);
  }

  /** The source's status and the run's audit line, in the run's transaction. */
  private async finish(
    manager: EntityManager,
    source: ImportSource,
    now: Date,
    error: string | null,
    applied: AppliedImport,
    options: RunOptions,
  ): Promise<void> {
    // Read again under lock: the source may have been edited (interval, address) while its feed was fetched.
    const current = await manager.findOneOrFail(ImportSource, { where: { id: source.id }, lock: { mode: 'pessimistic_write' } });
    const failures = error ? current.consecutiveFailures + 1 : 0;
    await manager.update(
      ImportSource,
      { id: source.id },
      {
        lastAttemptAt: now,
        ...(error ? {} : { lastSuccessAt: now }),
        lastError: error,
        consecutiveFailures: failures,
        nextPollAt: nextPollAt(now, current.pollIntervalMinutes, failures),
        updatedAt: () => 'now()',
      },
    );
    await this.audit.record(
      {
        actor: options.actor,
        action: 'import',
        entity: 'import-source',
        entityId: source.id,
        details: { trigger: options.trigger, ok: error === null, error, counts: applied.counts },
      },
      manager,
    );
  }

  private async outcome(
    manager: EntityManager,
    sourceId: string,
    now: Date,
    error: string | null,
    applied: AppliedImport,
  ): Promise<ImportRunOutcome> {
    const source = await manager.findOneByOrFail(ImportSource, { id: sourceId });
    return {
      sourceId,
      ok: error === null,
      ranAt: now.toISOString(),
      error,
      counts: applied.counts,
      skipped: applied.skipped.slice(0, MAX_REPORTED_SKIPS),
      conflicts: applied.conflicts,
      source: toImportSourceView(source),
    };
  }

  private async inTransaction<T>(runner: QueryRunner, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    await runner.startTransaction();
    try {
      const result = await work(runner.manager);
      await runner.commitTransaction();
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }
}
