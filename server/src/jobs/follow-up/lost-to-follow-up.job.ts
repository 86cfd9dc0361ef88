import { Inject, Injectable } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AuditService } from '../../audit/audit.service';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { recordLiveEvent } from '../../live/live-events';
import { JobContext, JobCounts, JobDefinition, JobRunner, JobRunResult } from '../job-runner';
import { recordSystemChange } from '../system-history';

const HOUR = 3_600_000;

/**
 * An appointment whose outcome (done / no-show) is still unknown some days after its date is lost to
 * follow-up: flagged once, the centre asked. Its status stays: the centre can still give the outcome.
 */
@Injectable()
export class LostToFollowUpJob implements JobDefinition {
  readonly name = 'lost-to-follow-up';
  readonly periodMs = HOUR;

  constructor(
    private readonly runner: JobRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // At a quarter past, away from the hour's other jobs.
  @Cron('0 15 * * * *', { name: 'lost-to-follow-up', waitForCompletion: true })
  tick(): Promise<JobRunResult> {
    return this.runner.run(this);
  }

  async work({ now, manager }: JobContext): Promise<JobCounts> {
    const days = this.config.lostToFollowUpDays;
    const [lost] = (await manager.query(
      `UPDATE appointment a SET lost_to_follow_up_at = $1, version = a.version + 1
         FROM slot s
        WHERE s.id = a.slot_id AND a.status IN ('booked', 'confirmed') AND a.lost_to_follow_up_at IS NULL
          AND s.starts_at + make_interval(days => $2) <= $1
        RETURNING a.id, a.request_id, a.centre_id, a.status, s.starts_at`,
      [now, days],
    )) as [{ id: string; request_id: string; centre_id: string; status: string; starts_at: Date }[], number];
    for (const appointment of lost) {
      await recordSystemChange(manager, this.audit, {
        requestId: appointment.request_id,
        appointmentId: appointment.id,
        action: 'lost-to-follow-up',
        reason: `Perdu de vue : examen réalisé ou patient absent, toujours inconnu ${days} jours après le rendez-vous`,
        details: { centreId: appointment.centre_id, status: appointment.status, startsAt: appointment.starts_at.toISOString() },
      });
    }
    await recordLiveEvent(
      manager,
      'appointment.flagged',
      lost.map((appointment) => appointment.id),
    );
    // The centre is asked in its console: the event, and `lostToFollowUpAt` on the appointment of its agenda.
    return { lostToFollowUp: lost.length };
  }
}
