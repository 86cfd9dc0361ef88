/** One line of the audit trail: who did what to which entity, when and why. */
export interface AuditEventView {
  id: string;
  occurredAt: string;
  accountId: string | null;
  accountEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  /** The imaging request concerned, if any: the audit can be read per patient request. */
  imagingRequestId: string | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** A 400's body: every problem at once, by field. */
export interface ValidationErrorBody {
  statusCode: 400;
  error: 'Bad Request';
  message: string;
  fields: Record<string, string[]>;
}
