import type { SuspectedDiagnosisCode } from './indication';
import type { Modality } from './modality';

/** "Bon de demande d'imagerie en soins non programmés", as the GP gives it. */

export const PREGNANCY_STATUSES = ['yes', 'no', 'unknown'] as const;
export type PregnancyStatus = (typeof PREGNANCY_STATUSES)[number];

export const PREGNANCY_STATUS_LABELS: Record<PregnancyStatus, string> = {
  yes: 'Oui',
  no: 'Non',
  unknown: 'Ne sait pas',
};

/** How a non-ambulatory patient travels: decides which centre access is needed. */
export const MOBILITY_AIDS = ['wheelchair', 'stretcher'] as const;
export type MobilityAid = (typeof MOBILITY_AIDS)[number];

export const MOBILITY_AID_LABELS: Record<MobilityAid, string> = {
  wheelchair: 'Fauteuil roulant',
  stretcher: 'Brancard',
};

export const CLEARANCE_FORMULAS = ['cockcroft-gault', 'mdrd', 'ckd-epi'] as const;
export type ClearanceFormula = (typeof CLEARANCE_FORMULAS)[number];

export const CLEARANCE_FORMULA_LABELS: Record<ClearanceFormula, string> = {
  'cockcroft-gault': 'Cockcroft-Gault',
  mdrd: 'MDRD',
  'ckd-epi': 'CKD-EPI',
};

export const REQUEST_CHANNELS = ['phone', 'web', 'secure-mail'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, string> = {
  phone: 'Téléphone',
  web: 'Formulaire web',
  'secure-mail': 'Messagerie sécurisée',
};

export interface RequestingDoctor {
  name: string;
  /** 11 digits. */
  rpps: string;
  /** Call-back phone. */
  phone: string;
}

export interface PostalAddress {
  street: string;
  postalCode: string;
  city: string;
}

export interface PatientDetails {
  lastName: string;
  firstName: string;
  /** ISO calendar date, yyyy-mm-dd. */
  birthDate: string;
  address: PostalAddress;
  phone: string;
  /** Optional: centres reach patients by phone. */
  email: string | null;
  ambulatory: boolean;
  /** Only for a non-ambulatory patient; null means either access will do. */
  mobilityAid: MobilityAid | null;
  pregnant: PregnancyStatus;
  pacemaker: boolean;
}

export interface RequestedExam {
  modality: Modality;
  anatomicalRegion: string;
  contrast: boolean;
}

export interface SuspectedDiagnosis {
  code: SuspectedDiagnosisCode;
  /** Required when code is 'other'. */
  otherText: string | null;
}

/** Before a contrast injection: a known clearance, or the lab where the blood test is under way. */
export interface ContrastWorkup {
  labInProgress: string | null;
  crpMgPerL: number | null;
  creatinineClearanceMlPerMin: number | null;
  clearanceFormula: ClearanceFormula | null;
}

export interface KnownAllergies {
  /** Required when a contrast injection is planned. */
  contrastAgent: boolean;
  details: string | null;
}

export interface ImagingRequest {
  doctor: RequestingDoctor;
  /** ISO calendar date of the request, yyyy-mm-dd. */
  requestDate: string;
  patient: PatientDetails;
  exam: RequestedExam;
  suspectedDiagnosis: SuspectedDiagnosis;
  clinicalElements: string;
  /** Null when no contrast injection is planned. */
  contrastWorkup: ContrastWorkup | null;
  allergies: KnownAllergies;
  channel: RequestChannel;
}

/** A form being filled in: any field, at any depth, may still be absent or null. */
export type Draft<T> = { [K in keyof T]?: DraftValue<T[K]> | null };
type DraftValue<V> = V extends object ? Draft<V> : V;

export type ImagingRequestDraft = Draft<ImagingRequest>;

/** Every field of the form by its path, in the order the form shows them (problems are reported in this order). */
export const IMAGING_REQUEST_FIELDS = [
  'doctor.name',
  'doctor.rpps',
  'doctor.phone',
  'requestDate',
  'patient.lastName',
  'patient.firstName',
  'patient.birthDate',
  'patient.address.street',
  'patient.address.postalCode',
  'patient.address.city',
  'patient.phone',
  'patient.email',
  'patient.ambulatory',
  'patient.mobilityAid',
  'patient.pregnant',
  'patient.pacemaker',
  'exam.modality',
  'exam.anatomicalRegion',
  'exam.contrast',
  'suspectedDiagnosis.code',
  'suspectedDiagnosis.otherText',
  'clinicalElements',
  'contrastWorkup',
  'contrastWorkup.labInProgress',
  'contrastWorkup.crpMgPerL',
  'contrastWorkup.creatinineClearanceMlPerMin',
  'contrastWorkup.clearanceFormula',
  'allergies.contrastAgent',
  'allergies.details',
  'channel',
] as const;
export type ImagingRequestField = (typeof IMAGING_REQUEST_FIELDS)[number];

export const IMAGING_REQUEST_FIELD_LABELS: Record<ImagingRequestField, string> = {
  'doctor.name': 'Nom du médecin demandeur',
  'doctor.rpps': 'Numéro RPPS du médecin',
  'doctor.phone': 'Téléphone de rappel du médecin',
  requestDate: 'Date de la demande',
  'patient.lastName': 'Nom du patient',
  'patient.firstName': 'Prénom du patient',
  'patient.birthDate': 'Date de naissance',
  'patient.address.street': 'Adresse du patient',
  'patient.address.postalCode': 'Code postal',
  'patient.address.city': 'Commune',
  'patient.phone': 'Téléphone du patient',
  'patient.email': 'Courriel du patient',
  'patient.ambulatory': 'Patient ambulatoire',
  'patient.mobilityAid': 'Déplacement en fauteuil ou sur brancard',
  'patient.pregnant': 'Grossesse',
  'patient.pacemaker': 'Pacemaker',
  'exam.modality': 'Modalité',
  'exam.anatomicalRegion': 'Région anatomique',
  'exam.contrast': 'Injection de produit de contraste',
  'suspectedDiagnosis.code': 'Diagnostic suspecté',
  'suspectedDiagnosis.otherText': 'Diagnostic suspecté (précisez)',
  clinicalElements: 'Éléments cliniques',
  contrastWorkup: 'Bilan avant injection',
  'contrastWorkup.labInProgress': 'Laboratoire du bilan en cours',
  'contrastWorkup.crpMgPerL': 'CRP (mg/L)',
  'contrastWorkup.creatinineClearanceMlPerMin': 'Clairance de la créatinine (mL/min)',
  'contrastWorkup.clearanceFormula': 'Formule de la clairance',
  'allergies.contrastAgent': 'Allergie aux produits de contraste',
  'allergies.details': 'Allergies connues',
  channel: 'Canal de la demande',
};
