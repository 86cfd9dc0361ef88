import type { Modality } from './modality';
import type { Role } from './role';
import type { AppointmentStatus, RequestStatus } from './requests';
import type { RequestAssessment } from './request-assessment';
import type { SlotState } from './slot';

/**
 * Live updates over socket.io. Every committed change of a slot, an appointment or a request is one
 * event, numbered just after its commit (the server's feeds seal committed events one batch at a time); so is
 * a comment added to a request's thread. A console subscribes first (`live:subscribe`), then loads what it
 * shows through the API, and applies an event only when its `version` is above the one it holds (a comment's
 * event excepted: it changes the thread, not the request).
 * Events carry no patient data nor free text: the console fetches details through the API.
 */
export const LIVE_EVENT_TYPES = [
  'slot.published',
  'slot.changed',
  'slot.held',
  'slot.hold-released',
  'slot.booked',
  'slot.freed',
  'slot.withdrawn',
  'slot.released',
  'appointment.booked',
  'appointment.confirmed',
  'appointment.refused',
  'appointment.done',
  'appointment.no-show',
  'appointment.cancelled',
  /** Chased (no answer from the centre in time) or lost to follow-up: the appointment's flags changed. */
  'appointment.flagged',
  'request.created',
  'request.updated',
  /**
   * A comment was added to the request's thread. The request itself did not change: the event carries its
   * version as it stands (a comment does not bump it), so a console never orders it against the request's
   * state; it reads the thread again instead. Neither the text nor the author's name: only ids, role and time.
   */
  'request.commented',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

export type LiveEntity = 'slot' | 'appointment' | 'request';
export type LiveEventTypeOf<E extends LiveEntity> = Extract<LiveEventType, `${E}.${string}`>;

export interface LiveSlotData {
  slotId: string;
  centreId: string;
  modality: Modality;
  start: string;
  end: string;
  capacity: number;
  bookedCount: number;
  /** Live holds of telesecretaries, each keeping one place. */
  heldCount: number;
  /** When the last live hold ends; null when none. */
  heldUntil: string | null;
  state: SlotState;
}

export interface LiveAppointmentData {
  appointmentId: string;
  requestId: string;
  slotId: string;
  centreId: string;
  modality: Modality;
  start: string;
  end: string;
  status: AppointmentStatus;
}

export interface LiveRequestData {
  requestId: string;
  /** The request's reference (CR-2026-000123), never the patient's name. */
  reference: string;
  status: RequestStatus;
  readiness: RequestAssessment['readiness'];
  modality: Modality | null;
}

/** A comment added to a request's thread (`request.commented`); the thread itself is read through the API. */
export interface LiveRequestCommentData {
  requestId: string;
  commentId: string;
  authorRole: Role;
  /** When the comment was written (ISO 8601). */
  createdAt: string;
}

interface LiveEventOf<E extends LiveEntity, D, T extends LiveEventTypeOf<E> = LiveEventTypeOf<E>> {
  /** Position in delivery order: strictly increasing, with gaps; once an id is delivered, no smaller one will be. */
  id: number;
  type: T;
  entity: E;
  entityId: string;
  /** The entity's version after the change (for `request.commented`, the request's unchanged version). */
  version: number;
  /** When the event was sealed, just after its commit (ISO 8601). */
  occurredAt: string;
  data: D;
}

export type LiveSlotEvent = LiveEventOf<'slot', LiveSlotData>;
export type LiveAppointmentEvent = LiveEventOf<'appointment', LiveAppointmentData>;
export type LiveRequestEvent = LiveEventOf<'request', LiveRequestData, Exclude<LiveEventTypeOf<'request'>, 'request.commented'>>;
export type LiveRequestCommentEvent = LiveEventOf<'request', LiveRequestCommentData, 'request.commented'>;
export type LiveEvent = LiveSlotEvent | LiveAppointmentEvent | LiveRequestEvent | LiveRequestCommentEvent;

/** `after`: the id of the last event the console received, or null on a first connection. */
export interface LiveSubscribeRequest {
  after: number | null;
}

/** Refusal of any client event: not allowed for the role, unknown, or malformed. */
export interface LiveRefusal {
  status: 'refused';
  message: string;
}

export type LiveSubscribeAnswer =
  /** Every missed event was sent before this answer; `head` is the position the console is now at. */
  | { status: 'live'; head: number; replayed: number }
  /** Too far behind (or an unknown position): reload through the API, then carry on from `head`. */
  | { status: 'resync'; head: number }
  | LiveRefusal;

export interface ServerToClientEvents {
  'live:event': (event: LiveEvent) => void;
}

export interface ClientToServerEvents {
  'live:subscribe': (request: LiveSubscribeRequest, answer: (answer: LiveSubscribeAnswer) => void) => void;
}
