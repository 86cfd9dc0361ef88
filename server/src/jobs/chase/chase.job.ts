import { Inject, Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/app-config.token';
import { recordLiveEvent } from '../../live/live-events';
import { JobContext, JobCounts, JobDefinition, JobRunner, JobRunResult } from '../job-runner';
import { recordSystemChange } from '../system-history';
import { flagNearTarget, flagOverDeadline } from './request-deadlines';
import { flagChased, unansweredBookings } from './unanswered-bookings';

const FIVE_MINUTES = 5 * 60_000;
/** How long before its target an unbooked request is raised in the queue. */
export const NEAR_TARGET_WARNING_HOURS = 6;

/**
 * Chases what is late: a booking the centre has not answered within the configured working hours,
 * a request nearing its target still unbooked, a request past its maximum. Each is flagged once,
 * with a line in its history.
 */
@Injectable()
export class ChaseJob implements JobDefinition {
  readonly name = 'chase';
  readonly periodMs = FIVE_MINUTES;

  constructor(
    private readonly runner: JobRunner,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Cron(CronExpression.EVERY_5_MINUTES, { name: 'chase', waitForCompletion: true })
  tick(): Promise<JobRunResult> {
    return this.runner.run(this);
  }

  async work({ now, manager }: JobContext): Promise<JobCounts> {
    return {
      unansweredBookings: await this.chaseBookings(manager, now),
      nearTarget: await this.raiseNearTarget(manager, now),
      overDeadline: await this.flagOverDeadline(manager, now),
    };
  }

  private async chaseBookings(manager: EntityManager, now: Date): Promise<number> {
    const hours = this.config.chaseAfterWorkingHours;
    const due = await unansweredBookings(manager, now, hours);
    const flagged = await flagChased(
      manager,
      now,
      due.map((booking) => booking.id),
    );
    for (const booking of due.filter((candidate) => flagged.has(candidate.id))) {
      await recordSystemChange(manager, this.audit, {
        requestId: booking.requestId,
        appointmentId: booking.id,
        action: 'chase',
        reason: `Sans réponse du centre ${hours} h ouvrées après la réservation`,
        details: { centreId: booking.centreId, bookedAt: booking.bookedAt.toISOString(), dueAt: booking.dueAt.toISOString() },
      });
    }
    await recordLiveEvent(manager, 'appointment.flagged', [...flagged]);
    // The secretariat's and the centre's consoles are told; both read `chasedAt` on the appointment.
    return flagged.size;
  }

  private async raiseNearTarget(manager: EntityManager, now: Date): Promise<number> {
    const requests = await flagNearTarget(manager, now, NEAR_TARGET_WARNING_HOURS);
    await recordLiveEvent(
      manager,
      'request.updated',
      requests.map((request) => request.id),
    );
    for (const request of requests) {
      await recordSystemChange(manager, this.audit, {
        requestId: request.id,
        action: 'near-target',
        reason: `Objectif de ${request.hours} h proche, toujours sans rendez-vous`,
        details: { status: request.status, targetAt: request.deadline.toISOString() },
      });
    }
    return requests.length;
  }

  private async flagOverDeadline(manager: EntityManager, now: Date): Promise<number> {
    const requests = await flagOverDeadline(manager, now);
    await recordLiveEvent(
      manager,
      'request.updated',
      requests.map((request) => request.id),
    );
    for (const request of requests) {
      await recordSystemChange(manager, this.audit, {
        requestId: request.id,
        action: 'over-deadline',
        reason: `Délai maximal de ${request.hours} h dépassé sans examen`,
        details: { status: request.status, maximumAt: request.deadline.toISOString() },
      });
    }
    return requests.length;
  }
}
