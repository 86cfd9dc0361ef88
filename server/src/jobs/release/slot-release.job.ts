import { Injectable } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { AuditService } from '../../audit/audit.service';
import { recordLiveEvent } from '../../live/live-events';
import { JobContext, JobCounts, JobDefinition, JobRunner, JobRunResult } from '../job-runner';

const MINUTE = 60_000;
const BATCH = 500;
export const RELEASED_AT_CUTOFF = 'Libéré au centre : délai de libération atteint sans réservation';

/**
 * A free reserved slot past its release cut-off goes back to the centre's own agenda: released, so no
 * longer offered. A slot with a booking or a live hold is not free; one locked by a booking under way
 * is left to the next tick.
 */
@Injectable()
export class SlotReleaseJob implements JobDefinition {
  readonly name = 'slot-release';
  readonly periodMs = MINUTE;

  constructor(
    private readonly runner: JobRunner,
    private readonly audit: AuditService,
  ) {}

  @Cron(CronExpression.EVERY_MINUTE, { name: 'slot-release', waitForCompletion: true })
  tick(): Promise<JobRunResult> {
    return this.runner.run(this);
  }

  async work({ now, manager }: JobContext): Promise<JobCounts> {
    const [released] = (await manager.query(
      `UPDATE slot SET status = 'released', status_reason = $2, version = version + 1, updated_at = $1
        WHERE id IN (SELECT s.id FROM slot s
                      WHERE s.status = 'open' AND s.booked_count = 0 AND s.release_at <= $1
                        AND NOT EXISTS (SELECT 1 FROM slot_hold h WHERE h.slot_id = s.id AND h.expires_at > $1)
                      ORDER BY s.release_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING id, centre_id, release_at`,
      [now, RELEASED_AT_CUTOFF, BATCH],
    )) as [{ id: string; centre_id: string; release_at: Date }[], number];
    for (const slot of released) {
      await this.audit.record(
        {
          actor: null,
          action: 'release',
          entity: 'slot',
          entityId: slot.id,
          reason: RELEASED_AT_CUTOFF,
          details: { centreId: slot.centre_id, releaseAt: slot.release_at.toISOString() },
        },
        manager,
      );
    }
    // The secretariat stops offering them, the centre sees them back in its own agenda.
    await recordLiveEvent(
      manager,
      'slot.released',
      released.map((slot) => slot.id),
    );
    return { released: released.length };
  }
}
