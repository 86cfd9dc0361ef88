import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
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
  /** The message to the doctor, composed from `bookedRows` before the statement; none: the caller writes it. */
  message?: (appointment: DetachedAppointmentRow) => OutboxRow;
}

const TAKEN = 'EXISTS (SELECT FROM taken)';
const VALUE_COUNT = 12;
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

/**
 * Everything a booking writes, in one statement: the place taken (only if one is left: the database's guarantee,
 * whatever the instance), the appointment, the holder's hold gone, the request booked, its history, the audit
 * trail, the live events and the doctor's message. Nothing is written when no place was left: returns null.
 */
export async function writeBooking(
  manager: EntityManager,
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
  const message = change.message?.({
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
  const values = [
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
  ];
  const [{ taken }] = message
    ? await preparedQuery<{ taken: number }>(manager, 'booking-write-with-message', WRITE_WITH_MESSAGE_SQL, [
        ...values,
        ...outboxValues(message),
      ])
    : await preparedQuery<{ taken: number }>(manager, 'booking-write', WRITE_SQL, values);
  if (taken !== 1) return null;
  return toAppointmentView({
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
}

function writeStatement(withMessage: boolean): string {
  const messageParameters = OUTBOX_COLUMNS.map((column, i) => `$${VALUE_COUNT + i + 1}::${OUTBOX_TYPES[column]}`);
  return `WITH taken AS (
       UPDATE slot SET booked_count = booked_count + 1, version = version + 1, updated_at = now()
        WHERE id = $1 AND status = 'open' AND booked_count < capacity RETURNING id),
     booked AS (
       INSERT INTO appointment (id, request_id, slot_id, centre_id, status, booked_by, booked_at)
       SELECT $2::uuid, $3::uuid, $1::uuid, $4::uuid, 'booked', $5::uuid, $12::timestamptz FROM taken RETURNING id),
     unheld AS (DELETE FROM slot_hold WHERE slot_id = $1 AND account_id = $5 AND ${TAKEN}),
     moved AS (
       UPDATE imaging_request SET status = $6, version = version + 1, updated_at = now() WHERE id = $3 AND ${TAKEN}),
     history AS (
       INSERT INTO request_event (request_id, appointment_id, account_id, action, from_status, to_status, reason, details)
       SELECT $3::uuid, id, $5::uuid, $7::text, $8::text, $6::text, $9::text, '{}' FROM booked),
     audited AS (
       INSERT INTO audit_event (account_id, action, entity, entity_id, imaging_request_id, details)
       SELECT $5::uuid, 'book', 'appointment', id, $3::uuid, $10::jsonb FROM booked),
     live AS (${insertLiveEvents('$11', TAKEN)})
     ${
       withMessage
         ? `, messaged AS (INSERT INTO outbox_message (${OUTBOX_COLUMNS.join(', ')})
                          SELECT ${messageParameters.join(', ')} FROM booked)`
         : ''
     }
     SELECT count(*)::int AS taken FROM taken`;
}

const WRITE_SQL = writeStatement(false);
const WRITE_WITH_MESSAGE_SQL = writeStatement(true);
