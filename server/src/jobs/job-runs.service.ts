import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JOB_NAMES, type JobName, type JobRunOutcome, type JobStatusView } from '@creneau/contracts';

interface LatestRow {
  job: JobName;
  instance: string;
  tick: Date;
  started_at: Date;
  ended_at: Date | null;
  outcome: Exclude<JobRunOutcome, 'running'> | null;
  counts: Record<string, number>;
  error: string | null;
  last_success_at: Date | null;
}

/** What the coordinator sees of the jobs: each one's latest run, whichever instance ran it. */
@Injectable()
export class JobRunsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async latest(): Promise<JobStatusView[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (r.job) r.job, r.instance, r.tick, r.started_at, r.ended_at, r.outcome, r.counts, r.error,
              (SELECT max(ok.ended_at) FROM job_run ok WHERE ok.job = r.job AND ok.outcome = 'ok') AS last_success_at
         FROM job_run r WHERE r.job = ANY ($1) ORDER BY r.job, r.started_at DESC, r.id DESC`,
      [JOB_NAMES],
    )) as LatestRow[];
    const byJob = new Map(rows.map((row) => [row.job, row]));
    return JOB_NAMES.map((job) => {
      const row = byJob.get(job);
      return {
        job,
        lastRun: row
          ? {
              job,
              instance: row.instance,
              tick: row.tick.toISOString(),
              startedAt: row.started_at.toISOString(),
              endedAt: row.ended_at?.toISOString() ?? null,
              outcome: row.outcome ?? 'running',
              counts: row.counts,
              error: row.error,
            }
          : null,
        lastSuccessAt: row?.last_success_at?.toISOString() ?? null,
      };
    });
  }
}
