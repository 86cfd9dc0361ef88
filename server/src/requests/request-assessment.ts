import type { ImagingRequestDraft, RequestAssessment, SafetyCheckCode } from '@creneau/contracts';
import { assessRequest, localDateOf } from '@creneau/domain';

/** What the gate needs of a stored request. */
export interface AssessedRequest {
  form: ImagingRequestDraft;
  confirmations: readonly SafetyCheckCode[];
  override_by: string | null;
  override_reason: string | null;
  received_at: Date;
}

/** The request gate's verdict on a stored request, its day being that of its arrival in the territory's zone. */
export function assessmentOf(request: AssessedRequest, timezone: string): RequestAssessment {
  return assessRequest(request.form, {
    today: localDateOf(request.received_at, timezone),
    confirmations: request.confirmations,
    override: request.override_by ? { coordinatorAccountId: request.override_by, reason: request.override_reason ?? '' } : null,
  });
}
