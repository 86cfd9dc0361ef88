import { Inject, Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { EntityManager } from 'typeorm';
import type { ImagingRequestDraft } from '@creneau/contracts';
import { AuditService } from '../../audit/audit.service';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { recordLiveEvent } from '../../live/live-events';
import { JobContext, JobCounts, JobDefinition, JobRunner, JobRunResult } from '../job-runner';
import { recordSystemChange } from '../system-history';
import { pseudonymiseForm } from './pseudonymise-form';

const DAY = 86_400_000;
const BATCH = 500;
const JOB_RUNS_KEPT_DAYS = 30;
export const PSEUDONYMISED_COMMENT = '[Commentaire effacé : demande pseudonymisée]';

/**
 * Requests closed longer ago than the retention period lose their patient's identity (form, name
 * column, free texts of their comments and results); the indicators keep what they read. Booking
 * replays older than that period go too, since they carry the patient's name. Also prunes old job runs.
 */
@Injectable()
export class RetentionJob implements JobDefinition {
  readonly name = 'retention';
  readonly periodMs = DAY;

  constructor(
    private readonly runner: JobRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // At night, when nobody books.
  @Cron('0 30 3 * * *', { name: 'retention', timeZone: 'Europe/Paris', waitForCompletion: true })
  tick(): Promise<JobRunResult> {
    return this.runner.run(this);
  }

  async work({ now, manager }: JobContext): Promise<JobCounts> {
    const months = this.config.retentionMonths;
    const [{ cutoff }] = (await manager.query(`SELECT $1::timestamptz - make_interval(months => $2) AS cutoff`, [
      now,
      months,
    ])) as { cutoff: Date }[];
    const requests = (await manager.query(
      `SELECT id, form, closed_at FROM imaging_request
        WHERE closed_at <= $1 AND pseudonymised_at IS NULL ORDER BY closed_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [cutoff, BATCH],
    )) as { id: string; form: ImagingRequestDraft; closed_at: Date }[];
    for (const request of requests) await this.pseudonymise(manager, now, months, request);
    await recordLiveEvent(
      manager,
      'request.updated',
      requests.map((request) => request.id),
    );
    const [, replays] = (await manager.query(`DELETE FROM idempotency_key WHERE created_at <= $1`, [cutoff])) as [
      unknown,
      number,
    ];
    const [, jobRuns] = (await manager.query(`DELETE FROM job_run WHERE tick < $1`, [
      new Date(now.getTime() - JOB_RUNS_KEPT_DAYS * DAY),
    ])) as [unknown, number];
    return { pseudonymised: requests.length, bookingReplaysDeleted: replays, jobRunsDeleted: jobRuns };
  }

  private async pseudonymise(
    manager: EntityManager,
    now: Date,
    months: number,
    request: { id: string; form: ImagingRequestDraft; closed_at: Date },
  ): Promise<void> {
    await manager.query(
      `UPDATE imaging_request SET form = $2, patient_name = NULL, pseudonymised_at = $3, version = version + 1, updated_at = $3
        WHERE id = $1`,
      [request.id, JSON.stringify(pseudonymiseForm(request.form)), now],
    );
    await manager.query(`UPDATE appointment SET result_note = NULL WHERE request_id = $1 AND result_note IS NOT NULL`, [
      request.id,
    ]);
    const [, comments] = (await manager.query(`UPDATE request_comment SET body = $2 WHERE request_id = $1 AND body <> $2`, [
      request.id,
      PSEUDONYMISED_COMMENT,
    ])) as [unknown, number];
    await recordSystemChange(manager, this.audit, {
      requestId: request.id,
      action: 'pseudonymise',
      reason: `Identité du patient pseudonymisée ${months} mois après la clôture de la demande`,
      details: { closedAt: request.closed_at.toISOString(), commentsErased: comments },
    });
  }
}
