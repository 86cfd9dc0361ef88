import { EntityManager } from 'typeorm';
import type { AppointmentView } from '@creneau/contracts';

export interface AppointmentViewRow {
  id: string;
  request_id: string;
  slot_id: string;
  centre_id: string;
  centre_name: string;
  starts_at: Date;
  ends_at: Date;
  status: AppointmentView['status'];
  booked_at: Date;
  answered_at: Date | null;
  reason: string | null;
  imaging_result: AppointmentView['imagingResult'];
  chased_at: Date | null;
  lost_to_follow_up_at: Date | null;
  version: number;
}

/** An appointment's view: its row with its slot's times and its centre's name, for a query to add WHERE and ORDER BY. */
export const APPOINTMENT_VIEW_SELECT = `
  SELECT a.id, a.request_id, a.slot_id, a.centre_id, c.name AS centre_name, s.starts_at, s.ends_at, a.status,
         a.booked_at, a.answered_at, a.reason, a.imaging_result, a.chased_at, a.lost_to_follow_up_at, a.version
    FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN centre c ON c.id = a.centre_id`;

/** The appointments of these requests, oldest first, with their centre and times. */
export async function appointmentViews(manager: EntityManager, requestIds: readonly string[]): Promise<AppointmentView[]> {
  if (requestIds.length === 0) return [];
  const rows = (await manager.query(`${APPOINTMENT_VIEW_SELECT} WHERE a.request_id = ANY ($1) ORDER BY a.booked_at, a.id`, [
    requestIds,
  ])) as AppointmentViewRow[];
  return rows.map(toAppointmentView);
}

export async function appointmentView(manager: EntityManager, appointmentId: string): Promise<AppointmentView> {
  const rows = (await manager.query(`${APPOINTMENT_VIEW_SELECT} WHERE a.id = $1`, [appointmentId])) as AppointmentViewRow[];
  return toAppointmentView(rows[0]);
}

export function toAppointmentView(row: AppointmentViewRow): AppointmentView {
  return {
    id: row.id,
    requestId: row.request_id,
    slotId: row.slot_id,
    centreId: row.centre_id,
    centreName: row.centre_name,
    start: row.starts_at.toISOString(),
    end: row.ends_at.toISOString(),
    status: row.status,
    bookedAt: row.booked_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    reason: row.reason,
    imagingResult: row.imaging_result,
    chasedAt: row.chased_at?.toISOString() ?? null,
    lostToFollowUpAt: row.lost_to_follow_up_at?.toISOString() ?? null,
    version: row.version,
  };
}

/** The live appointment of a request (booked or confirmed), if any. */
export function currentAppointment(appointments: readonly AppointmentView[]): AppointmentView | null {
  return (
    [...appointments].reverse().find((a) => a.status === 'booked' || a.status === 'confirmed') ?? [...appointments].pop() ?? null
  );
}
