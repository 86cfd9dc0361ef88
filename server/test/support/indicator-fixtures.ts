import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import type {
  AppointmentStatus,
  ImagingResult,
  Modality,
  RequestChannel,
  RequestStatus,
  SuspectedDiagnosisCode,
} from '@creneau/contracts';
import { demoCentreIds, type DemoCentreKey } from './agenda-fixtures';
import { completeForm } from './request-fixtures';

const ZONE = 'Europe/Paris';

/** 'yyyy-mm-dd HH:mm' read in Paris. */
export function paris(local: string): Date {
  const instant = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone: ZONE });
  if (!instant.isValid) throw new Error(`not a local time: ${local}`);
  return instant.toJSDate();
}

export interface PastBooking {
  centre: DemoCentreKey;
  /** The slot's start, local. */
  slot: string;
  booked: string;
  answered?: string;
  status: AppointmentStatus;
  reason?: string;
  result?: ImagingResult;
  capacity?: number;
  slotStatus?: 'open' | 'withdrawn';
}

export interface PastRequest {
  received: string;
  status: RequestStatus;
  modality: Modality;
  diagnosis: SuspectedDiagnosisCode;
  region: string;
  contrast?: boolean;
  channel: RequestChannel;
  rpps: string;
  /** Its first status was 'incomplete' (the GP was called back). */
  receivedIncomplete?: boolean;
  outsideProtocol?: boolean;
  bookings?: PastBooking[];
}

/** Some identifying details of a patient: the export must hold none of them. */
export interface PatientIdentity {
  lastName: string;
  firstName: string;
  birthDate: string;
  phone: string;
  email: string;
  street: string;
}

/** Writes a request of the past with its history, bookings and slots, as the booking flow would have. */
export async function insertPastRequest(dataSource: DataSource, request: PastRequest, patient: PatientIdentity): Promise<string> {
  const centres = await demoCentreIds(dataSource);
  const receivedAt = paris(request.received);
  const form = completeForm({
    doctor: { name: `Dr ${request.rpps}`, rpps: request.rpps, phone: '02 51 99 88 77' },
    patient: {
      ...completeForm().patient,
      lastName: patient.lastName,
      firstName: patient.firstName,
      birthDate: patient.birthDate,
      phone: patient.phone,
      email: patient.email,
      address: { street: patient.street, postalCode: '85000', city: 'La Roche-sur-Yon' },
    },
    exam: { modality: request.modality, anatomicalRegion: request.region, contrast: request.contrast ?? false },
    suspectedDiagnosis: { code: request.diagnosis, otherText: request.diagnosis === 'other' ? 'lombalgie' : null },
    channel: request.channel,
  });
  const [{ id }] = (await dataSource.query(
    `INSERT INTO imaging_request (reference, territory_id, status, readiness, form, outside_protocol, modality,
       suspected_diagnosis, doctor_rpps, doctor_name, patient_name, channel, received_at, target_at, maximum_at,
       refusal_count, created_at)
     SELECT 'H-' || nextval('imaging_request_number'), t.id, $1, 'ready', $2, $3, $4, $5, $6, $7, $8, $9, $10,
            $10::timestamptz + interval '48 hours', $10::timestamptz + interval '72 hours', $11, $10
       FROM territory t LIMIT 1
     RETURNING id`,
    [
      request.status,
      JSON.stringify(form),
      request.outsideProtocol ?? false,
      request.modality,
      request.diagnosis,
      request.rpps,
      form.doctor?.name,
      `${patient.lastName.toUpperCase()} ${patient.firstName}`,
      request.channel,
      receivedAt,
      (request.bookings ?? []).filter((booking) => booking.status === 'refused').length,
    ],
  )) as { id: string }[];
  await dataSource.query(`INSERT INTO request_event (request_id, occurred_at, action, to_status) VALUES ($1, $2, 'create', $3)`, [
    id,
    receivedAt,
    request.receivedIncomplete ? 'incomplete' : 'to-book',
  ]);
  for (const booking of request.bookings ?? [])
    await insertPastBooking(dataSource, id, centres[booking.centre], request, booking);
  return id;
}

const HOLDS_PLACE: readonly AppointmentStatus[] = ['booked', 'confirmed', 'done', 'no-show'];

async function insertPastBooking(
  dataSource: DataSource,
  requestId: string,
  centreId: string,
  request: PastRequest,
  booking: PastBooking,
): Promise<void> {
  const slotId = await insertPastSlot(dataSource, {
    centre: centreId,
    modality: request.modality,
    start: booking.slot,
    capacity: booking.capacity ?? 1,
    bookedCount: HOLDS_PLACE.includes(booking.status) ? 1 : 0,
    status: booking.slotStatus ?? 'open',
  });
  const closed = booking.status === 'booked' || booking.status === 'confirmed' ? null : (booking.answered ?? booking.booked);
  await dataSource.query(
    `INSERT INTO appointment (request_id, slot_id, centre_id, status, booked_at, answered_at, closed_at, reason, imaging_result)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      requestId,
      slotId,
      centreId,
      booking.status,
      paris(booking.booked),
      booking.answered ? paris(booking.answered) : null,
      closed ? paris(closed) : null,
      booking.reason ?? null,
      booking.result ?? null,
    ],
  );
}

export interface PastSlot {
  centre: string;
  modality: Modality;
  start: string;
  capacity?: number;
  bookedCount?: number;
  status?: 'open' | 'released' | 'withdrawn';
}

/** A 20-minute slot released to the centre two hours before it starts. */
export async function insertPastSlot(dataSource: DataSource, slot: PastSlot): Promise<string> {
  const start = paris(slot.start);
  const [{ id }] = (await dataSource.query(
    `INSERT INTO slot (centre_id, modality, starts_at, ends_at, capacity, booked_count, status, release_at, origin)
     VALUES ($1, $2, $3, $3::timestamptz + interval '20 minutes', $4, $5, $6, $3::timestamptz - interval '2 hours', 'manual')
     RETURNING id`,
    [slot.centre, slot.modality, start, slot.capacity ?? 1, slot.bookedCount ?? 0, slot.status ?? 'open'],
  )) as { id: string }[];
  return id;
}
