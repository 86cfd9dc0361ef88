import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppointmentView, RequestStatus } from '@creneau/contracts';
import type { Actor } from '../access/actor';
import type { DetachedAppointmentRow } from '../calendars/calendar-rows';
import { preparedQuery } from '../database/prepared-query';
import { appointmentDraft, requestDraft, slotDraft } from '../live/live-event-drafts';
import { insertLiveEvents } from '../live/live-events';
import { OUTBOX_COLUMNS, outboxValues, type OutboxRow } from '../messages/outbox-writer.service';
import { toAppointmentView } from '../requests/appointment-views';
import type { BookingContext } from './booking-context';

export interface BookingChange {
  /** The request history's action ('book', 'reschedule') and its reason. */
  action: string;
  reason: string | null;
  /**
   * A booking's own: the message to the doctor, composed before the statement, and the Idempotency-Key under which
   * the answer is kept, by the same statement. Both or neither (a move writes its message itself, and has no key).
   */
  booking?: {
    message: (appointment: DetachedAppointmentRow) => OutboxRow;
    idempotency: { key: string; requestHash: string };
  };
}

const TAKEN = 'EXISTS (SELECT FROM taken)';
/** The parameters every variant binds ($1 to $14); a booking's key, hash and answer follow, then its message. */
const VALUE_COUNT = 14;
const ANSWER_COUNT = 3;
const OUTBOX_TYPES: Record<(typeof OUTBOX_COLUMNS)[number], string> = {
  kind: 'text',
  request_id: 'uuid',
  appointment_id: 'uuid',
  recipients: 'text[]',
  copy_to: 'text[]',
  recipient_note: 'text',
  subject: 'text',
  body_text: 'text',
  ics: 'text',
  status: 'text',
  last_error: 'text',
};
/** `write_conflict()` (migration CreateWriteConflict) raises this: the statement has written nothing. */
const SERIALIZATION_FAILURE = '40001';

/**
 * Everything a booking writes, in one statement: the request moved on and the place taken, each only if unchanged
 * since `context` was read (its versions) and the place only if one is left (the database's guarantee, whatever the
 * instance), the appointment, the holder's hold gone, the history, the audit trail, the live events, and for a
 * booking the doctor's message and the answer kept under its Idempotency-Key. Writes all of it or nothing: returns
 * null when nothing was written (no place left, or the slot or request changed meanwhile).
 */
export async function writeBooking(
  executor: DataSource | EntityManager,
  context: BookingContext,
  actor: Actor,
  change: BookingChange,
): Promise<AppointmentView | null> {
  const appointmentId = randomUUID();
  const status: RequestStatus = 'booked';
  const drafts = [
    slotDraft('slot.booked', {
      id: context.slot_id,
      centre_id: context.centre_id,
      territory_id: context.territory_id,
      modality: context.modality,
      starts_at: context.starts_at,
      ends_at: context.ends_at,
      capacity: context.capacity,
      booked_count: context.booked_count + 1,
      status: context.slot_status,
      version: context.slot_version + 1,
      held_count: context.held_by_others,
      held_until: context.held_until,
    }),
    appointmentDraft('appointment.booked', {
      id: appointmentId,
      request_id: context.request_id,
      slot_id: context.slot_id,
      centre_id: context.centre_id,
      territory_id: context.territory_id,
      doctor_rpps: context.doctor_rpps,
      status: 'booked',
      version: 1,
      modality: context.modality,
      starts_at: context.starts_at,
      ends_at: context.ends_at,
    }),
    requestDraft('request.updated', {
      id: context.request_id,
      reference: context.reference,
      status,
      readiness: context.readiness,
      modality: context.request_modality,
      version: context.request_version + 1,
      territory_id: context.request_territory_id,
      doctor_rpps: context.doctor_rpps,
      centre_ids: [...new Set([...context.request_centre_ids, context.centre_id])].sort(),
    }),
  ];
  const view = toAppointmentView({
    id: appointmentId,
    request_id: context.request_id,
    slot_id: context.slot_id,
    centre_id: context.centre_id,
    centre_name: context.centre_name,
    starts_at: context.starts_at,
    ends_at: context.ends_at,
    status: 'booked',
    booked_at: context.now,
    answered_at: null,
    reason: null,
    imaging_result: null,
    chased_at: null,
    lost_to_follow_up_at: null,
    version: 1,
  });
  const values: unknown[] = [
    context.slot_id,
    appointmentId,
    context.request_id,
    context.centre_id,
    actor.accountId,
    status,
    change.action,
    context.request_status,
    change.reason,
    JSON.stringify({ slotId: context.slot_id }),
    JSON.stringify(drafts),
    context.now,
    context.request_version,
    context.slot_version,
  ];
  const booking = change.booking;
  if (booking) {
    const message = booking.message({
      id: appointmentId,
      request_id: context.request_id,
      status: 'booked',
      version: 1,
      modified_at: context.now,
      starts_at: context.starts_at,
      ends_at: context.ends_at,
      modality: context.modality,
      region: context.region,
      contrast: context.contrast,
      reference: context.reference,
      centre_name: context.centre_name,
      street_address: context.street_address,
      postcode: context.postcode,
      city: context.city,
      phone: context.phone,
      patient_name: null,
      timezone: context.timezone,
    });
    values.push(booking.idempotency.key, booking.idempotency.requestHash, JSON.stringify(view), ...outboxValues(message));
  }
  try {
    const [{ taken }] = await preparedQuery<{ taken: number }>(
      executor,
      booking ? 'booking-write-booked' : 'booking-write-moved',
      booking ? BOOK_SQL : MOVE_SQL,
      values,
    );
    return taken === 1 ? view : null;
  } catch (error) {
    if ((error as { code?: string }).code === SERIALIZATION_FAILURE) return null;
    throw error;
  }
}

function writeStatement(booking: boolean): string {
  const answer = (i: number) => `$${VALUE_COUNT + i}`;
  const messageParameters = OUTBOX_COLUMNS.map((column, i) => `$${VALUE_COUNT + ANSWER_COUNT + i + 1}::${OUTBOX_TYPES[column]}`);
  // The request first, then the slot: the order every transition locks them in.
  return `WITH moved AS (
       UPDATE imaging_request SET status = $6, version = version + 1, updated_at = now()
        WHERE id = $3 AND version = $13 RETURNING id),
     taken AS (
       UPDATE slot SET booked_count = booked_count + 1, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $14 AND status = 'open' AND booked_count < capacity AND EXISTS (SELECT FROM moved)
        RETURNING id),
     booked AS (
       INSERT INTO appointment (id, request_id, slot_id, centre_id, status, booked_by, booked_at)
       SELECT $2::uuid, $3::uuid, $1::uuid, $4::uuid, 'booked', $5::uuid, $12::timestamptz FROM taken RETURNING id),
     unheld AS (DELETE FROM slot_hold WHERE slot_id = $1 AND account_id = $5 AND ${TAKEN}),
     history AS (
       INSERT INTO request_event (request_id, appointment_id, account_id, action, from_status, to_status, reason, details)
       SELECT $3::uuid, id, $5::uuid, $7::text, $8::text, $6::text, $9::text, '{}' FROM booked),
     audited AS (
       INSERT INTO audit_event (account_id, action, entity, entity_id, imaging_request_id, details)
       SELECT $5::uuid, 'book', 'appointment', id, $3::uuid, $10::jsonb FROM booked),
     live AS (${insertLiveEvents('$11', TAKEN)})
     ${
       booking
         ? `, messaged AS (INSERT INTO outbox_message (${OUTBOX_COLUMNS.join(', ')})
                          SELECT ${messageParameters.join(', ')} FROM booked),
            answered AS (
              INSERT INTO idempotency_key (account_id, key, operation, request_hash, response_status, response_body)
              SELECT $5::uuid, ${answer(1)}::text, 'book', ${answer(2)}::text, 201, ${answer(3)}::json FROM taken
              ON CONFLICT DO NOTHING RETURNING key)`
         : ''
     }
     SELECT CASE WHEN (SELECT count(*) FROM moved) <> (SELECT count(*) FROM taken) THEN write_conflict('slot')
                 ${booking ? `WHEN (SELECT count(*) FROM answered) <> (SELECT count(*) FROM taken) THEN write_conflict('idempotency key')` : ''}
                 ELSE (SELECT count(*)::int FROM taken) END AS taken`;
}

const MOVE_SQL = writeStatement(false);
const BOOK_SQL = writeStatement(true);
