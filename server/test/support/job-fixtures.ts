import { DataSource } from 'typeorm';
import type { AppointmentView, ImagingRequest, RequestEventView, RequestView } from '@creneau/contracts';
import { sealLiveEventsOn } from '../../src/live/live-seal';
import { ApiClient } from './api-client';
import { completeForm } from './request-fixtures';

const HOUR = 3_600_000;

export async function newRequest(secretary: ApiClient, overrides: Partial<ImagingRequest> = {}): Promise<RequestView> {
  const { status, body } = await secretary.post<RequestView>('/api/requests', { form: completeForm(overrides) });
  if (status !== 201) throw new Error(`request creation answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

export async function book(secretary: ApiClient, requestId: string, slotId: string): Promise<AppointmentView> {
  const { status, body } = await secretary.request<AppointmentView>('POST', '/api/appointments', {
    body: { requestId, slotId },
    headers: { 'idempotency-key': `jobs-${requestId}-${slotId}` },
  });
  if (status !== 201) throw new Error(`booking answered ${status}: ${JSON.stringify(body)}`);
  return body;
}

/** Moves a request's reception (and its 48 h / 72 h deadlines with it) to a chosen instant. */
export async function receivedAt(dataSource: DataSource, requestId: string, instant: Date): Promise<void> {
  await dataSource.query(`UPDATE imaging_request SET received_at = $2, target_at = $3, maximum_at = $4 WHERE id = $1`, [
    requestId,
    instant,
    new Date(instant.getTime() + 48 * HOUR),
    new Date(instant.getTime() + 72 * HOUR),
  ]);
}

/** Moves a slot to start at a chosen instant, 20 minutes long, released 2 h before. */
export async function slotStartsAt(dataSource: DataSource, slotId: string, instant: Date): Promise<void> {
  await dataSource.query(`UPDATE slot SET starts_at = $2, ends_at = $3, release_at = $4 WHERE id = $1`, [
    slotId,
    instant,
    new Date(instant.getTime() + HOUR / 3),
    new Date(instant.getTime() - 2 * HOUR),
  ]);
}

/** The request's history as the API shows it, oldest first. */
export async function historyOf(client: ApiClient, requestId: string): Promise<RequestEventView[]> {
  return (await client.get<RequestEventView[]>(`/api/requests/${requestId}/history`)).body;
}

export interface RecordedLiveEvent {
  type: string;
  version: number;
  centreIds: string[];
  doctorRpps: string | null;
  payload: Record<string, unknown>;
}

/**
 * The live events recorded (committed) about an entity, in their order: what the consoles are told. Seals
 * first, as the instances' feeds do after each commit, so that every committed event has its id.
 */
export async function liveEventsOf(dataSource: DataSource, entityId: string): Promise<RecordedLiveEvent[]> {
  await sealLiveEventsOn(dataSource);
  const rows = (await dataSource.query(
    `SELECT type, version, centre_ids, doctor_rpps, payload FROM live_event WHERE entity_id = $1 ORDER BY id`,
    [entityId],
  )) as { type: string; version: number; centre_ids: string[]; doctor_rpps: string | null; payload: Record<string, unknown> }[];
  return rows.map((row) => ({
    type: row.type,
    version: row.version,
    centreIds: row.centre_ids,
    doctorRpps: row.doctor_rpps,
    payload: row.payload,
  }));
}
