import {
  MODALITIES,
  RETAINED_INDICATIONS,
  SUSPECTED_DIAGNOSIS_CODES,
  type Modality,
  type ProtocolOverride,
  type SuspectedDiagnosisCode,
} from '@creneau/contracts';

import { isBlank } from './field-validation';

/** Whether a suspected diagnosis is one the protocol retains for this modality ('other' never is). */
export function isWithinProtocol(modality: Modality, diagnosis: SuspectedDiagnosisCode): boolean {
  return (RETAINED_INDICATIONS[modality] as readonly string[]).includes(diagnosis);
}

/** An override counts only with the coordinator's account and a reason: both end up in the audit trail. */
export function isValidOverride(override: ProtocolOverride | null | undefined): override is ProtocolOverride {
  return !!override && !isBlank(override.coordinatorAccountId) && !isBlank(override.reason);
}

export function isModality(value: unknown): value is Modality {
  return (MODALITIES as readonly unknown[]).includes(value);
}

export function isSuspectedDiagnosisCode(value: unknown): value is SuspectedDiagnosisCode {
  return (SUSPECTED_DIAGNOSIS_CODES as readonly unknown[]).includes(value);
}
