import { NotFoundException } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  ImagingRequest,
  IndicationCode,
  Modality,
  RequestAssessment,
  RequestStatus,
  SafetyCheckCode,
} from '@creneau/contracts';
import type { SlotStatus } from '../agenda/slot.entity';
import type { CentreColumns } from '../calendars/calendar-rows';
import { preparedQuery } from '../database/prepared-query';
import { doctorEmailOf } from '../messages/message-recipients';

/**
 * What a booking decides on and writes from: the request and the slot (read as they are when booking, locked when
 * moving an appointment), the slot's centre and
 * territory, the others' live holds, the doctor's address. Read in one statement so that a booking costs a
 * handful of round trips to PostgreSQL, not thirty (docs/benchmarks.md, "Booking").
 */
export interface BookingContext extends CentreColumns {
  /** The time of the read: the appointment's booking time. */
  now: Date;
  request_id: string;
  request_territory_id: string;
  reference: string;
  request_status: RequestStatus;
  readiness: RequestAssessment['readiness'];
  request_modality: Modality | null;
  form: ImagingRequest;
  confirmations: SafetyCheckCode[];
  override_by: string | null;
  override_reason: string | null;
  received_at: Date;
  missing_fields: string[];
  doctor_rpps: string | null;
  doctor_name: string | null;
  /** The form's exam, as the calendars and messages show it. */
  region: string | null;
  contrast: string | null;
  request_version: number;
  /** Centres the request has had an appointment at: the audience of its live events. */
  request_centre_ids: string[];
  request_timezone: string;
  slot_id: string;
  centre_id: string;
  modality: Modality;
  starts_at: Date;
  ends_at: Date;
  indications: IndicationCode[] | null;
  capacity: number;
  booked_count: number;
  slot_status: SlotStatus;
  slot_version: number;
  territory_id: string;
  timezone: string;
  target_delay_hours: number;
  maximum_delay_hours: number;
  modalities: Modality[];
  wheelchair_accessible: boolean;
  stretcher_accessible: boolean;
  accepts_mr_conditional_pacemaker: boolean;
  accepted_indications: IndicationCode[];
  active: boolean;
  closures: { from: string; to: string; reason: string }[];
  /** Live holds of other accounts (each keeps one place) and when the last of them ends. */
  held_by_others: number;
  held_until: Date | null;
  /** The address of an active doctor account with the request's RPPS, if any. */
  doctor_email: string | null;
}

const CONTEXT_SQL = `
  SELECT EXISTS (SELECT FROM imaging_request WHERE id = $1) AS request_found, EXISTS (SELECT FROM slot WHERE id = $2) AS slot_found,
         k.operation AS key_operation, k.request_hash AS key_request_hash, k.response_status AS key_status,
         k.response_body AS key_body, ctx.*
    FROM (SELECT) one
    LEFT JOIN idempotency_key k ON k.account_id = $3 AND k.key = $4
    LEFT JOIN LATERAL (
      SELECT now() AS now,
             r.id AS request_id, r.territory_id AS request_territory_id, r.reference, r.status AS request_status, r.readiness, r.modality AS request_modality, r.form,
             r.confirmations, r.override_by, r.override_reason, r.received_at, r.missing_fields, r.doctor_rpps, r.doctor_name,
             r.form -> 'exam' ->> 'anatomicalRegion' AS region, r.form -> 'exam' ->> 'contrast' AS contrast,
             r.version AS request_version, rt.timezone AS request_timezone,
             array(SELECT DISTINCT centre_id FROM appointment WHERE request_id = r.id) AS request_centre_ids,
             s.id AS slot_id, s.centre_id, s.modality, s.starts_at, s.ends_at, s.indications, s.capacity, s.booked_count,
             s.status AS slot_status, s.version AS slot_version,
             c.territory_id, t.timezone, t.target_delay_hours, t.maximum_delay_hours,
             c.name AS centre_name, c.street_address, c.postcode, c.city, c.phone, c.modalities, c.wheelchair_accessible,
             c.stretcher_accessible, c.accepts_mr_conditional_pacemaker, c.accepted_indications, c.active,
             coalesce((SELECT jsonb_agg(jsonb_build_object('from', cc.starts_at, 'to', cc.ends_at, 'reason', cc.reason))
                         FROM centre_closure cc WHERE cc.centre_id = c.id), '[]') AS closures,
             h.held_by_others, h.held_until,
             ${doctorEmailOf('r.doctor_rpps')} AS doctor_email
        FROM imaging_request r
        JOIN territory rt ON rt.id = r.territory_id
        JOIN slot s ON s.id = $2
        JOIN centre c ON c.id = s.centre_id
        JOIN territory t ON t.id = c.territory_id
       CROSS JOIN LATERAL (SELECT count(*)::int AS held_by_others, max(expires_at) AS held_until
                             FROM slot_hold WHERE slot_id = s.id AND account_id <> $3 AND expires_at > now()) h
       WHERE r.id = $1
    ) ctx ON true`;

const LOCK_SQL = `
  SELECT (SELECT id FROM imaging_request WHERE id = $1 FOR UPDATE) AS request_id,
         (SELECT id FROM slot WHERE id = $2 FOR UPDATE) AS slot_id`;

/** An answer already given under the caller's Idempotency-Key. */
export interface StoredKey {
  operation: string;
  request_hash: string;
  response_status: number;
  response_body: unknown;
}

interface ContextRow extends BookingContext {
  request_found: boolean;
  slot_found: boolean;
  key_operation: string | null;
  key_request_hash: string;
  key_status: number;
  key_body: unknown;
}

/**
 * The context read without locks, and what was already answered under `key`: the optimistic booking's read. The
 * write that follows is guarded by the versions read here, so a change in between (a booking, a hold, an edit)
 * makes it write nothing rather than act on a stale view.
 */
export async function readBookingContext(
  executor: DataSource | EntityManager,
  requestId: string,
  slotId: string,
  accountId: string,
  key: string | null,
): Promise<{ stored: StoredKey } | { stored: null; context: BookingContext }> {
  const [row] = await preparedQuery<ContextRow>(executor, 'booking-context', CONTEXT_SQL, [requestId, slotId, accountId, key]);
  if (row.key_operation !== null) {
    const stored = {
      operation: row.key_operation,
      request_hash: row.key_request_hash,
      response_status: row.key_status,
      response_body: row.key_body,
    };
    return { stored };
  }
  if (!row.request_found) throw new NotFoundException('Demande introuvable.');
  if (!row.slot_found) throw new NotFoundException('Créneau introuvable.');
  return { stored: null, context: row };
}

/**
 * Locks the request then the slot (the order every transition takes them in), then reads the context in a
 * statement of its own: after waiting for a lock it sees what the holder committed, its holds included.
 */
export async function loadBookingContext(
  manager: EntityManager,
  requestId: string,
  slotId: string,
  accountId: string,
): Promise<BookingContext> {
  const [locked] = await preparedQuery<{ request_id: string | null; slot_id: string | null }>(manager, 'booking-lock', LOCK_SQL, [
    requestId,
    slotId,
  ]);
  if (!locked.request_id) throw new NotFoundException('Demande introuvable.');
  if (!locked.slot_id) throw new NotFoundException('Créneau introuvable.');
  const read = await readBookingContext(manager, requestId, slotId, accountId, null);
  if (read.stored) throw new Error('a move has no Idempotency-Key');
  return read.context;
}
