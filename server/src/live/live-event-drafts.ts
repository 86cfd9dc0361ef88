import { EntityManager } from 'typeorm';
import type {
  LiveAppointmentData,
  LiveEntity,
  LiveEventType,
  LiveRequestCommentData,
  LiveRequestData,
  LiveSlotData,
  Modality,
  Role,
  SlotState,
} from '@creneau/contracts';
import { slotState } from '../agenda/slot-view';

/** A live event as written in its transaction, before the commit gives it an id and a time. */
export interface LiveEventDraft {
  type: LiveEventType;
  entity: LiveEntity;
  entity_id: string;
  version: number;
  territory_id: string;
  /** The audience: centres whose staff may see it, and the requesting doctor. */
  centre_ids: string[];
  doctor_rpps: string | null;
  payload: LiveSlotData | LiveAppointmentData | LiveRequestData | LiveRequestCommentData;
}

/** Reads the entities' state as the transaction sees it now, and makes one draft each. */
export const DRAFTS: Record<
  LiveEntity,
  (manager: EntityManager, type: LiveEventType, ids: string[]) => Promise<LiveEventDraft[]>
> = {
  slot: slotDrafts,
  appointment: appointmentDrafts,
  request: requestDrafts,
};

export interface SlotDraftRow {
  id: string;
  centre_id: string;
  territory_id: string;
  modality: Modality;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  booked_count: number;
  status: 'open' | 'released' | 'withdrawn';
  version: number;
  held_count: number;
  held_until: Date | null;
}

async function slotDrafts(manager: EntityManager, type: LiveEventType, ids: string[]): Promise<LiveEventDraft[]> {
  const rows = (await manager.query(
    `SELECT s.id, s.centre_id, c.territory_id, s.modality, s.starts_at, s.ends_at, s.capacity, s.booked_count, s.status,
            s.version, h.held_count, h.held_until
       FROM slot s JOIN centre c ON c.id = s.centre_id
       CROSS JOIN LATERAL (SELECT count(*)::int AS held_count, max(expires_at) AS held_until
                             FROM slot_hold WHERE slot_id = s.id AND expires_at > now()) h
      WHERE s.id = ANY ($1) ORDER BY s.starts_at, s.id`,
    [ids],
  )) as SlotDraftRow[];
  return rows.map((row) => slotDraft(type, row));
}

/** The draft of a slot's event, from its row as the transaction leaves it. */
export function slotDraft(type: LiveEventType, row: SlotDraftRow): LiveEventDraft {
  return {
    type,
    entity: 'slot',
    entity_id: row.id,
    version: row.version,
    territory_id: row.territory_id,
    centre_ids: [row.centre_id],
    doctor_rpps: null,
    payload: {
      slotId: row.id,
      centreId: row.centre_id,
      modality: row.modality,
      start: row.starts_at.toISOString(),
      end: row.ends_at.toISOString(),
      capacity: row.capacity,
      bookedCount: row.booked_count,
      heldCount: row.held_count,
      heldUntil: row.held_until?.toISOString() ?? null,
      state: liveSlotState(row),
    },
  };
}

/** The agenda's state, and `held` when the live holds keep every place left. */
function liveSlotState(row: SlotDraftRow): SlotState {
  const state = slotState({ status: row.status, bookedCount: row.booked_count, capacity: row.capacity });
  return state === 'free' && row.booked_count + row.held_count >= row.capacity ? 'held' : state;
}

export interface AppointmentDraftRow {
  id: string;
  request_id: string;
  slot_id: string;
  centre_id: string;
  territory_id: string;
  doctor_rpps: string | null;
  status: LiveAppointmentData['status'];
  version: number;
  modality: Modality;
  starts_at: Date;
  ends_at: Date;
}

async function appointmentDrafts(manager: EntityManager, type: LiveEventType, ids: string[]): Promise<LiveEventDraft[]> {
  const rows = (await manager.query(
    `SELECT a.id, a.request_id, a.slot_id, a.centre_id, c.territory_id, r.doctor_rpps, a.status, a.version,
            s.modality, s.starts_at, s.ends_at
       FROM appointment a JOIN slot s ON s.id = a.slot_id JOIN centre c ON c.id = a.centre_id
       JOIN imaging_request r ON r.id = a.request_id
      WHERE a.id = ANY ($1) ORDER BY a.booked_at, a.id`,
    [ids],
  )) as AppointmentDraftRow[];
  return rows.map((row) => appointmentDraft(type, row));
}

export function appointmentDraft(type: LiveEventType, row: AppointmentDraftRow): LiveEventDraft {
  return {
    type,
    entity: 'appointment',
    entity_id: row.id,
    version: row.version,
    territory_id: row.territory_id,
    centre_ids: [row.centre_id],
    doctor_rpps: row.doctor_rpps,
    payload: {
      appointmentId: row.id,
      requestId: row.request_id,
      slotId: row.slot_id,
      centreId: row.centre_id,
      modality: row.modality,
      start: row.starts_at.toISOString(),
      end: row.ends_at.toISOString(),
      status: row.status,
    },
  };
}

export interface RequestDraftRow {
  id: string;
  reference: string;
  status: LiveRequestData['status'];
  readiness: LiveRequestData['readiness'];
  modality: Modality | null;
  version: number;
  territory_id: string;
  doctor_rpps: string | null;
  centre_ids: string[];
}

/** A centre sees a request (and its comments) once it has had an appointment there: the API's own rule. */
const REQUEST_CENTRE_IDS = `array(SELECT DISTINCT centre_id FROM appointment WHERE request_id = r.id) AS centre_ids`;

async function requestDrafts(manager: EntityManager, type: LiveEventType, ids: string[]): Promise<LiveEventDraft[]> {
  const rows = (await manager.query(
    `SELECT r.id, r.reference, r.status, r.readiness, r.modality, r.version, r.territory_id, r.doctor_rpps,
            ${REQUEST_CENTRE_IDS}
       FROM imaging_request r WHERE r.id = ANY ($1) ORDER BY r.received_at, r.id`,
    [ids],
  )) as RequestDraftRow[];
  return rows.map((row) => requestDraft(type, row));
}

export function requestDraft(type: LiveEventType, row: RequestDraftRow): LiveEventDraft {
  return {
    type,
    entity: 'request',
    entity_id: row.id,
    version: row.version,
    territory_id: row.territory_id,
    centre_ids: row.centre_ids,
    doctor_rpps: row.doctor_rpps,
    payload: {
      requestId: row.id,
      reference: row.reference,
      status: row.status,
      readiness: row.readiness,
      modality: row.modality,
    },
  };
}

export interface CommentDraftRow {
  id: string;
  request_id: string;
  author_role: Role;
  created_at: Date;
  version: number;
  territory_id: string;
  doctor_rpps: string | null;
  centre_ids: string[];
}

/**
 * The `request.commented` drafts of these comments: an event of their request, for the request's own audience
 * (whoever may read the request may read its thread), with the request's version as it stands.
 */
export async function commentDrafts(manager: EntityManager, commentIds: string[]): Promise<LiveEventDraft[]> {
  const rows = (await manager.query(
    `SELECT c.id, c.request_id, a.role AS author_role, c.created_at, r.version, r.territory_id, r.doctor_rpps,
            ${REQUEST_CENTRE_IDS}
       FROM request_comment c JOIN imaging_request r ON r.id = c.request_id JOIN account a ON a.id = c.account_id
      WHERE c.id = ANY ($1) ORDER BY c.created_at, c.id`,
    [commentIds],
  )) as CommentDraftRow[];
  return rows.map(commentDraft);
}

/** Ids, the author's role and the time: never the text, nor the author's name. */
export function commentDraft(row: CommentDraftRow): LiveEventDraft {
  return {
    type: 'request.commented',
    entity: 'request',
    entity_id: row.request_id,
    version: row.version,
    territory_id: row.territory_id,
    centre_ids: row.centre_ids,
    doctor_rpps: row.doctor_rpps,
    payload: {
      requestId: row.request_id,
      commentId: row.id,
      authorRole: row.author_role,
      createdAt: row.created_at.toISOString(),
    },
  };
}
