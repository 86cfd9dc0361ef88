import { EntityManager } from 'typeorm';

export interface FlaggedRequest {
  id: string;
  status: string;
  hours: number;
  deadline: Date;
}

/** Open requests still without an appointment `warningHours` before their target: raised in the queue. */
export async function flagNearTarget(manager: EntityManager, now: Date, warningHours: number): Promise<FlaggedRequest[]> {
  const [rows] = (await manager.query(
    `UPDATE imaging_request SET near_target_at = $1, version = version + 1, updated_at = $1
      WHERE status IN ('incomplete', 'to-book') AND near_target_at IS NULL
        AND target_at <= $1::timestamptz + make_interval(hours => $2)
      RETURNING id, status, target_at AS deadline,
                round(extract(epoch FROM target_at - received_at) / 3600)::int AS hours`,
    [now, warningHours],
  )) as [FlaggedRequest[], number];
  return rows;
}

/**
 * Requests past their maximum delay without having had their exam by then: not booked, or booked
 * (or confirmed) into a slot after the maximum. Done, no-show and cancelled requests are closed.
 */
export async function flagOverDeadline(manager: EntityManager, now: Date): Promise<FlaggedRequest[]> {
  const [rows] = (await manager.query(
    `UPDATE imaging_request r SET over_deadline_at = $1, version = r.version + 1, updated_at = $1
      WHERE r.status IN ('incomplete', 'to-book', 'booked', 'confirmed') AND r.over_deadline_at IS NULL AND r.maximum_at <= $1
        AND NOT EXISTS (SELECT 1 FROM appointment a JOIN slot s ON s.id = a.slot_id
                         WHERE a.request_id = r.id AND a.status IN ('booked', 'confirmed') AND s.starts_at <= r.maximum_at)
      RETURNING r.id, r.status, r.maximum_at AS deadline,
                round(extract(epoch FROM r.maximum_at - r.received_at) / 3600)::int AS hours`,
    [now],
  )) as [FlaggedRequest[], number];
  return rows;
}
