import type { EntityManager } from 'typeorm';
import type { AppointmentStatus, Modality } from '@creneau/contracts';
import type { SlotStatus } from '../agenda/slot.entity';

export interface CentreColumns {
  centre_name: string;
  street_address: string;
  postcode: string;
  city: string;
  phone: string;
}

export interface AppointmentRow extends CentreColumns {
  id: string;
  status: AppointmentStatus;
  version: number;
  modified_at: Date;
  starts_at: Date;
  ends_at: Date;
  modality: Modality;
  region: string | null;
  /** The form's `exam.contrast`, as jsonb text: 'true', 'false' or null. */
  contrast: string | null;
  reference: string;
  /** Only where the centre has chosen to show it, and the feed may. */
  patient_name: string | null;
}

export interface SlotRow extends CentreColumns {
  id: string;
  status: SlotStatus;
  version: number;
  updated_at: Date;
  starts_at: Date;
  ends_at: Date;
  modality: Modality;
  capacity: number;
  booked_count: number;
}

export const CENTRE_COLUMNS = `c.name AS centre_name, c.street_address, c.postcode, c.city, c.phone`;
// No diagnosis, no clinical elements: the exam, the centre and the reference are all a calendar needs.
export const APPOINTMENT_COLUMNS = `a.id, a.status, a.version, greatest(a.booked_at, a.answered_at, a.closed_at) AS modified_at,
  s.starts_at, s.ends_at, s.modality, r.form -> 'exam' ->> 'anatomicalRegion' AS region,
  r.form -> 'exam' ->> 'contrast' AS contrast, r.reference, ${CENTRE_COLUMNS}`;
export const APPOINTMENT_JOINS = `FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN centre c ON c.id = a.centre_id
  JOIN imaging_request r ON r.id = a.request_id`;

export interface DetachedAppointmentRow extends AppointmentRow {
  timezone: string;
  request_id: string;
}

/** Appointments by id, never with the patient's name: for what leaves Créneau (e-mails, downloads). */
export async function appointmentsById(manager: EntityManager, ids: readonly string[]): Promise<DetachedAppointmentRow[]> {
  return (await manager.query(
    `SELECT ${APPOINTMENT_COLUMNS}, NULL AS patient_name, t.timezone, a.request_id
       ${APPOINTMENT_JOINS} JOIN territory t ON t.id = c.territory_id
      WHERE a.id = ANY ($1) ORDER BY s.starts_at, a.id`,
    [ids],
  )) as DetachedAppointmentRow[];
}
