import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { recordRequestEvent } from '../requests/request-history';

/** A change the system made on a request or its appointment, on its own: no account, a reason. */
export interface SystemChange {
  requestId: string;
  appointmentId?: string;
  action: string;
  reason: string;
  details?: Record<string, unknown>;
}

/** One line in the request's history and one in the audit trail, both in the change's transaction. */
export async function recordSystemChange(manager: EntityManager, audit: AuditService, change: SystemChange): Promise<void> {
  await recordRequestEvent(manager, { ...change, accountId: null });
  await audit.record(
    {
      actor: null,
      action: change.action,
      entity: change.appointmentId ? 'appointment' : 'imaging-request',
      entityId: change.appointmentId ?? change.requestId,
      imagingRequestId: change.requestId,
      reason: change.reason,
      details: change.details,
    },
    manager,
  );
}
