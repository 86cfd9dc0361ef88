import type {
  ImagingRequest,
  ImagingRequestDraft,
  ProtocolOverride,
  RequestAssessment,
  RequestReadiness,
  SafetyCheckCode,
  SafetyFinding,
} from '@creneau/contracts';

import { isModality, isSuspectedDiagnosisCode, isValidOverride, isWithinProtocol } from './protocol';
import { findRequestFieldProblems } from './request-fields';
import { findSafetyIssues } from './safety-checks';

export interface AssessRequestOptions {
  /** The territory's local date, 'yyyy-mm-dd': dates in the future are refused. */
  today: string;
  /** A coordinator's permission to book outside the protocol. */
  override?: ProtocolOverride | null;
  /** Safety checks the secretary has explicitly confirmed (with the requesting GP). */
  confirmations?: readonly SafetyCheckCode[];
}

/**
 * Whether a request may be booked, and every reason it may not yet be, at once. A request is bookable when
 * nothing is missing or invalid, it is within the protocol or overridden, and every 'confirm' check is confirmed.
 */
export function assessRequest(draft: ImagingRequestDraft, options: AssessRequestOptions): RequestAssessment {
  const { missing, invalid } = findRequestFieldProblems(draft, options.today);
  const safety = findSafetyIssues(draft, options.confirmations);
  const outsideProtocol = isOutsideProtocol(draft);
  const overridden = outsideProtocol && isValidOverride(options.override);
  const readiness = readinessOf(missing.length + invalid.length > 0, outsideProtocol && !overridden, safety);
  return { missing, invalid, outsideProtocol, overridden, safety, readiness, bookable: readiness === 'bookable' };
}

/** Complete and well formed, so the draft can be read as an ImagingRequest (bookable or not). */
export function isCompleteRequest(draft: ImagingRequestDraft, today: string): draft is ImagingRequest {
  const { missing, invalid } = findRequestFieldProblems(draft, today);
  return missing.length === 0 && invalid.length === 0;
}

/** Decided only once modality and diagnosis are both known values; until then the request is merely incomplete. */
function isOutsideProtocol(draft: ImagingRequestDraft): boolean {
  const modality = draft.exam?.modality;
  const diagnosis = draft.suspectedDiagnosis?.code;
  return isModality(modality) && isSuspectedDiagnosisCode(diagnosis) && !isWithinProtocol(modality, diagnosis);
}

function readinessOf(incomplete: boolean, needsOverride: boolean, safety: readonly SafetyFinding[]): RequestReadiness {
  if (incomplete) return 'incomplete';
  if (needsOverride) return 'outside-protocol';
  if (safety.some((finding) => finding.severity === 'block')) return 'blocked';
  if (safety.some((finding) => finding.severity === 'confirm' && !finding.confirmed)) return 'awaiting-confirmation';
  return 'bookable';
}
