import {
  CLEARANCE_FORMULAS,
  IMAGING_REQUEST_FIELD_LABELS,
  IMAGING_REQUEST_FIELDS,
  MOBILITY_AIDS,
  MODALITIES,
  OTHER_DIAGNOSIS,
  PREGNANCY_STATUSES,
  REQUEST_CHANNELS,
  SUSPECTED_DIAGNOSIS_CODES,
  type FieldProblem,
  type ImagingRequestDraft,
  type ImagingRequestField,
} from '@creneau/contracts';

import {
  birthDateProblem,
  isBlank,
  isValidEmail,
  isValidFrenchPhone,
  isValidFrenchPostalCode,
  isValidRpps,
  requestDateProblem,
} from './field-validation';

export interface RequestFieldProblems {
  missing: FieldProblem<ImagingRequestField>[];
  invalid: FieldProblem<ImagingRequestField>[];
}

/** How one field of the form is checked. `validate` only sees values that are not blank. */
interface FieldRule {
  read: (draft: ImagingRequestDraft) => unknown;
  /** Whether the field is asked at all for this draft; contrast details are not, without an injection. */
  applies?: (draft: ImagingRequestDraft) => boolean;
  required: boolean | ((draft: ImagingRequestDraft) => boolean);
  validate?: (value: unknown, today: string) => string | null;
  missingMessage?: string;
}

const withContrast = (draft: ImagingRequestDraft) => draft.exam?.contrast === true;

const text = (value: unknown) => (typeof value === 'string' ? null : 'Texte attendu.');
const yesNo = (value: unknown) => (typeof value === 'boolean' ? null : 'Réponse oui ou non attendue.');
const oneOf = (allowed: readonly string[]) => (value: unknown) =>
  typeof value === 'string' && allowed.includes(value) ? null : 'Valeur non reconnue.';
const phone = (value: unknown) =>
  isValidFrenchPhone(value) ? null : 'Numéro de téléphone français attendu (10 chiffres, ou +33).';
const nonNegativeNumber = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? null : 'Nombre positif attendu.';
const positiveNumber = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? null : 'Nombre strictement positif attendu.';

const RULES: Record<ImagingRequestField, FieldRule> = {
  'doctor.name': { read: (d) => d.doctor?.name, required: true, validate: text },
  'doctor.rpps': {
    read: (d) => d.doctor?.rpps,
    required: true,
    validate: (v) => (isValidRpps(v) ? null : 'Le numéro RPPS comporte 11 chiffres.'),
  },
  'doctor.phone': { read: (d) => d.doctor?.phone, required: true, validate: phone },
  requestDate: { read: (d) => d.requestDate, required: true, validate: requestDateProblem },
  'patient.lastName': { read: (d) => d.patient?.lastName, required: true, validate: text },
  'patient.firstName': { read: (d) => d.patient?.firstName, required: true, validate: text },
  'patient.birthDate': { read: (d) => d.patient?.birthDate, required: true, validate: birthDateProblem },
  'patient.address.street': { read: (d) => d.patient?.address?.street, required: true, validate: text },
  'patient.address.postalCode': {
    read: (d) => d.patient?.address?.postalCode,
    required: true,
    validate: (v) => (isValidFrenchPostalCode(v) ? null : 'Code postal à 5 chiffres attendu.'),
  },
  'patient.address.city': { read: (d) => d.patient?.address?.city, required: true, validate: text },
  'patient.phone': { read: (d) => d.patient?.phone, required: true, validate: phone },
  // Optional: centres reach patients by phone, and many older patients have no email.
  'patient.email': {
    read: (d) => d.patient?.email,
    required: false,
    validate: (v) => (isValidEmail(v) ? null : 'Adresse de courriel invalide.'),
  },
  'patient.ambulatory': { read: (d) => d.patient?.ambulatory, required: true, validate: yesNo },
  'patient.mobilityAid': { read: (d) => d.patient?.mobilityAid, required: false, validate: oneOf(MOBILITY_AIDS) },
  // Asked of every patient: 'unknown' is always an answer, and the safety check needs it.
  'patient.pregnant': { read: (d) => d.patient?.pregnant, required: true, validate: oneOf(PREGNANCY_STATUSES) },
  'patient.pacemaker': { read: (d) => d.patient?.pacemaker, required: true, validate: yesNo },
  'exam.modality': { read: (d) => d.exam?.modality, required: true, validate: oneOf(MODALITIES) },
  'exam.anatomicalRegion': { read: (d) => d.exam?.anatomicalRegion, required: true, validate: text },
  'exam.contrast': { read: (d) => d.exam?.contrast, required: true, validate: yesNo },
  'suspectedDiagnosis.code': {
    read: (d) => d.suspectedDiagnosis?.code,
    required: true,
    validate: oneOf(SUSPECTED_DIAGNOSIS_CODES),
  },
  'suspectedDiagnosis.otherText': {
    read: (d) => d.suspectedDiagnosis?.otherText,
    required: (d) => d.suspectedDiagnosis?.code === OTHER_DIAGNOSIS,
    validate: text,
  },
  clinicalElements: { read: (d) => d.clinicalElements, required: true, validate: text },
  // The protocol's rule: no injection without a known clearance or a blood test under way.
  contrastWorkup: {
    read: (d) =>
      isBlank(d.contrastWorkup?.creatinineClearanceMlPerMin) && isBlank(d.contrastWorkup?.labInProgress) ? null : true,
    applies: withContrast,
    required: true,
    missingMessage: 'Injection prévue : indiquer la clairance de la créatinine connue ou le laboratoire du bilan en cours.',
  },
  'contrastWorkup.labInProgress': {
    read: (d) => d.contrastWorkup?.labInProgress,
    applies: withContrast,
    required: false,
    validate: text,
  },
  'contrastWorkup.crpMgPerL': {
    read: (d) => d.contrastWorkup?.crpMgPerL,
    applies: withContrast,
    required: false,
    validate: nonNegativeNumber,
  },
  'contrastWorkup.creatinineClearanceMlPerMin': {
    read: (d) => d.contrastWorkup?.creatinineClearanceMlPerMin,
    applies: withContrast,
    required: false,
    validate: positiveNumber,
  },
  'contrastWorkup.clearanceFormula': {
    read: (d) => d.contrastWorkup?.clearanceFormula,
    applies: withContrast,
    required: false,
    validate: oneOf(CLEARANCE_FORMULAS),
  },
  'allergies.contrastAgent': { read: (d) => d.allergies?.contrastAgent, required: withContrast, validate: yesNo },
  'allergies.details': { read: (d) => d.allergies?.details, required: false, validate: text },
  channel: { read: (d) => d.channel, required: true, validate: oneOf(REQUEST_CHANNELS) },
};

/** Every missing and every invalid field at once, in the form's order; `today` is the territory's local date. */
export function findRequestFieldProblems(draft: ImagingRequestDraft, today: string): RequestFieldProblems {
  const problems: RequestFieldProblems = { missing: [], invalid: [] };
  for (const field of IMAGING_REQUEST_FIELDS) {
    const rule = RULES[field];
    if (rule.applies && !rule.applies(draft)) continue;
    const value = rule.read(draft);
    if (isBlank(value)) {
      const required = typeof rule.required === 'function' ? rule.required(draft) : rule.required;
      if (required) {
        const message = rule.missingMessage ?? `À renseigner : ${IMAGING_REQUEST_FIELD_LABELS[field]}.`;
        problems.missing.push({ field, message });
      }
      continue;
    }
    const message = rule.validate?.(value, today);
    if (message) problems.invalid.push({ field, message });
  }
  return problems;
}
