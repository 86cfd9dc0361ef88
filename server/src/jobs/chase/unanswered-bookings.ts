import { EntityManager } from 'typeorm';
import { addWorkingMinutes, DEFAULT_WORKING_HOURS } from '@creneau/domain';

export interface UnansweredBooking {
  id: string;
  requestId: string;
  centreId: string;
  bookedAt: Date;
  dueAt: Date;
}

/**
 * Bookings the centre has neither confirmed nor refused within `workingHours` of working time
 * (the territory's zone, Monday–Friday 08:00–18:00), not chased yet. Working time never runs faster
 * than the wall clock, so the query keeps only bookings at least that old.
 */
export async function unansweredBookings(manager: EntityManager, now: Date, workingHours: number): Promise<UnansweredBooking[]> {
  const rows = (await manager.query(
    `SELECT a.id, a.request_id, a.centre_id, a.booked_at, t.timezone
       FROM appointment a JOIN centre c ON c.id = a.centre_id JOIN territory t ON t.id = c.territory_id
      WHERE a.status = 'booked' AND a.answered_at IS NULL AND a.chased_at IS NULL
        AND a.booked_at <= $1::timestamptz - make_interval(hours => $2)
      ORDER BY a.booked_at, a.id`,
    [now, workingHours],
  )) as { id: string; request_id: string; centre_id: string; booked_at: Date; timezone: string }[];
  return rows
    .map((row) => ({
      id: row.id,
      requestId: row.request_id,
      centreId: row.centre_id,
      bookedAt: row.booked_at,
      dueAt: addWorkingMinutes(row.booked_at, workingHours * 60, { ...DEFAULT_WORKING_HOURS, timezone: row.timezone }),
    }))
    .filter((booking) => booking.dueAt.getTime() <= now.getTime());
}

/** Flags them, unless the centre answered in the meantime; answers the ones flagged. */
export async function flagChased(manager: EntityManager, now: Date, ids: string[]): Promise<Set<string>> {
  const [rows] = (await manager.query(
    `UPDATE appointment SET chased_at = $1, version = version + 1
      WHERE id = ANY ($2) AND status = 'booked' AND answered_at IS NULL AND chased_at IS NULL RETURNING id`,
    [now, ids],
  )) as [{ id: string }[], number];
  return new Set(rows.map((row) => row.id));
}
