import type { ImagingRequestDraft } from './imaging-request';
import type { RequestAssessment, SafetyCheckCode } from './request-assessment';

export const REQUEST_STATUSES = ['incomplete', 'to-book', 'booked', 'confirmed', 'done', 'no-show', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  incomplete: 'Incomplète',
  'to-book': 'À programmer',
  booked: 'Réservée — en attente du centre',
  confirmed: 'Confirmée par le centre',
  done: 'Examen réalisé',
  'no-show': 'Patient absent',
  cancelled: 'Annulée',
};

export const APPOINTMENT_STATUSES = ['booked', 'confirmed', 'refused', 'cancelled', 'done', 'no-show'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const IMAGING_RESULTS = ['confirmed', 'not-confirmed', 'other-finding'] as const;
export type ImagingResult = (typeof IMAGING_RESULTS)[number];

export const IMAGING_RESULT_LABELS: Record<ImagingResult, string> = {
  confirmed: 'Suspicion confirmée',
  'not-confirmed': 'Suspicion non confirmée',
  'other-finding': 'Autre découverte',
};

/** Body of `POST /api/requests` and `PATCH /api/requests/:id`. */
export interface RequestInput {
  form: ImagingRequestDraft;
  /** Safety checks confirmed with the GP (e.g. pregnancy with an X-ray). */
  confirmations?: SafetyCheckCode[];
}

export interface AppointmentView {
  id: string;
  requestId: string;
  slotId: string;
  centreId: string;
  centreName: string;
  start: string;
  end: string;
  status: AppointmentStatus;
  bookedAt: string;
  answeredAt: string | null;
  reason: string | null;
  imagingResult: ImagingResult | null;
  /** When the chase job flagged the booking as unanswered by the centre (ISO 8601); null if never. */
  chasedAt: string | null;
  /** When the lost-to-follow-up job flagged its outcome (done / no-show) as still unknown; null if never. */
  lostToFollowUpAt: string | null;
  version: number;
}

/** One line of the secretariat's queue. */
export interface RequestSummary {
  id: string;
  reference: string;
  status: RequestStatus;
  readiness: RequestAssessment['readiness'];
  patientName: string | null;
  doctorName: string | null;
  modality: string | null;
  suspectedDiagnosis: string | null;
  receivedAt: string;
  targetAt: string;
  maximumAt: string;
  missingFields: string[];
  refusalCount: number;
  lastRefusalReason: string | null;
  /** When the chase job raised it, near its target without an appointment (ISO 8601); null if never. */
  nearTargetAt: string | null;
  /** When the chase job flagged it past its maximum delay without its exam; null if never. */
  overDeadlineAt: string | null;
  appointment: AppointmentView | null;
  version: number;
}

export interface RequestView extends RequestSummary {
  form: ImagingRequestDraft;
  confirmations: SafetyCheckCode[];
  assessment: RequestAssessment;
  override: { by: string; reason: string } | null;
  appointments: AppointmentView[];
}

/** A transition in a request's history: who, when, from, to, why. */
export interface RequestEventView {
  id: string;
  occurredAt: string;
  accountId: string | null;
  accountName: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  appointmentId: string | null;
}

export interface RequestCommentView {
  id: string;
  accountId: string;
  authorName: string;
  authorRole: string;
  body: string;
  createdAt: string;
}

export interface HoldView {
  slotId: string;
  expiresAt: string;
}
