import type { ImagingRequestField } from './imaging-request';

/** What the request gate says about a request: shared by the server's answers and the console's live form. */

/** One problem with one field, by its path; the message is shown to the user as is. */
export interface FieldProblem<F extends string = string> {
  field: F;
  message: string;
}

export const SAFETY_SEVERITIES = ['block', 'confirm', 'warning'] as const;
export type SafetySeverity = (typeof SAFETY_SEVERITIES)[number];

export const SAFETY_CHECK_CODES = ['pregnancy-ionising-exam', 'pacemaker-mri', 'contrast-allergy'] as const;
export type SafetyCheckCode = (typeof SAFETY_CHECK_CODES)[number];

/** A 'confirm' finding stops booking until the secretary confirms it explicitly; a warning never does. */
export type SafetyFinding =
  | { code: SafetyCheckCode; severity: 'confirm'; message: string; confirmed: boolean }
  | { code: SafetyCheckCode; severity: 'block' | 'warning'; message: string };

/** A coordinator's permission to book a request outside the protocol; counted separately in the indicators. */
export interface ProtocolOverride {
  coordinatorAccountId: string;
  reason: string;
}

export const REQUEST_READINESS = ['incomplete', 'outside-protocol', 'blocked', 'awaiting-confirmation', 'bookable'] as const;
export type RequestReadiness = (typeof REQUEST_READINESS)[number];

export const REQUEST_READINESS_LABELS: Record<RequestReadiness, string> = {
  incomplete: 'Incomplète',
  'outside-protocol': 'Hors protocole (dérogation requise)',
  blocked: 'Bloquée',
  'awaiting-confirmation': 'Confirmation requise',
  bookable: 'Réservable',
};

export interface RequestAssessment {
  /** Required fields left empty: the request is incomplete and the GP is called back. */
  missing: FieldProblem<ImagingRequestField>[];
  /** Fields filled in wrongly (an RPPS of 10 digits, a birth date in the future...). */
  invalid: FieldProblem<ImagingRequestField>[];
  /** The suspected diagnosis is not a retained indication of the exam's modality. */
  outsideProtocol: boolean;
  /** Outside protocol, with a coordinator's override. */
  overridden: boolean;
  safety: SafetyFinding[];
  readiness: RequestReadiness;
  bookable: boolean;
}
