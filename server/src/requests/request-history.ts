import { EntityManager } from 'typeorm';

export interface RequestEvent {
  requestId: string;
  appointmentId?: string | null;
  accountId: string | null;
  action: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** One line of a request's history, written in the transaction of the change it records. */
export async function recordRequestEvent(manager: EntityManager, event: RequestEvent): Promise<void> {
  await manager.query(
    `INSERT INTO request_event (request_id, appointment_id, account_id, action, from_status, to_status, reason, details)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      event.requestId,
      event.appointmentId ?? null,
      event.accountId,
      event.action,
      event.fromStatus ?? null,
      event.toStatus ?? null,
      event.reason ?? null,
      JSON.stringify(event.details ?? {}),
    ],
  );
}
