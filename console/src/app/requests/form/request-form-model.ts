import type {
  ClearanceFormula,
  ImagingRequestDraft,
  ImagingRequestField,
  MobilityAid,
  Modality,
  PregnancyStatus,
  RequestChannel,
  SuspectedDiagnosisCode,
} from '@creneau/contracts';
import { formatFrenchDate, parseFrenchDate } from './french-date';

type YesNo = 'yes' | 'no';

/** The paper form as the inputs hold it: text as typed, yes/no as radio values, dates as `jj/mm/aaaa`. */
export interface RequestFormValue {
  doctorName: string;
  doctorRpps: string;
  doctorPhone: string;
  lastName: string;
  firstName: string;
  birthDate: string;
  patientPhone: string;
  street: string;
  postalCode: string;
  city: string;
  patientEmail: string;
  ambulatory: YesNo;
  mobilityAid: MobilityAid | '';
  pregnant: PregnancyStatus;
  pacemaker: YesNo;
  modality: Modality | '';
  anatomicalRegion: string;
  contrast: YesNo;
  diagnosis: SuspectedDiagnosisCode | '';
  otherDiagnosis: string;
  clinicalElements: string;
  labInProgress: string;
  clearance: string;
  clearanceFormula: ClearanceFormula | '';
  crp: string;
  contrastAllergy: YesNo;
  allergyDetails: string;
  requestDate: string;
  channel: RequestChannel;
}

export type RequestFormControl = keyof RequestFormValue;

/** A new form: a phone call today, an ambulatory patient, no pregnancy, no pacemaker, no injection. */
export function emptyRequestForm(today: string): RequestFormValue {
  return {
    doctorName: '',
    doctorRpps: '',
    doctorPhone: '',
    lastName: '',
    firstName: '',
    birthDate: '',
    patientPhone: '',
    street: '',
    postalCode: '',
    city: '',
    patientEmail: '',
    ambulatory: 'yes',
    mobilityAid: '',
    pregnant: 'no',
    pacemaker: 'no',
    modality: '',
    anatomicalRegion: '',
    contrast: 'no',
    diagnosis: '',
    otherDiagnosis: '',
    clinicalElements: '',
    labInProgress: '',
    clearance: '',
    clearanceFormula: '',
    crp: '',
    contrastAllergy: 'no',
    allergyDetails: '',
    requestDate: formatFrenchDate(today),
    channel: 'phone',
  };
}

/** The input that shows each field of the request, for its errors; the contrast workup shows at the clearance. */
export const CONTROL_OF_FIELD: Record<ImagingRequestField, RequestFormControl> = {
  'doctor.name': 'doctorName',
  'doctor.rpps': 'doctorRpps',
  'doctor.phone': 'doctorPhone',
  requestDate: 'requestDate',
  'patient.lastName': 'lastName',
  'patient.firstName': 'firstName',
  'patient.birthDate': 'birthDate',
  'patient.address.street': 'street',
  'patient.address.postalCode': 'postalCode',
  'patient.address.city': 'city',
  'patient.phone': 'patientPhone',
  'patient.email': 'patientEmail',
  'patient.ambulatory': 'ambulatory',
  'patient.mobilityAid': 'mobilityAid',
  'patient.pregnant': 'pregnant',
  'patient.pacemaker': 'pacemaker',
  'exam.modality': 'modality',
  'exam.anatomicalRegion': 'anatomicalRegion',
  'exam.contrast': 'contrast',
  'suspectedDiagnosis.code': 'diagnosis',
  'suspectedDiagnosis.otherText': 'otherDiagnosis',
  clinicalElements: 'clinicalElements',
  contrastWorkup: 'clearance',
  'contrastWorkup.labInProgress': 'labInProgress',
  'contrastWorkup.crpMgPerL': 'crp',
  'contrastWorkup.creatinineClearanceMlPerMin': 'clearance',
  'contrastWorkup.clearanceFormula': 'clearanceFormula',
  'allergies.contrastAgent': 'contrastAllergy',
  'allergies.details': 'allergyDetails',
  channel: 'channel',
};

export function isDateControl(control: RequestFormControl): control is 'birthDate' | 'requestDate' {
  return control === 'birthDate' || control === 'requestDate';
}

/** The request as the API takes it: blanks are null, dates ISO when they can be read (as typed otherwise). */
export function toDraft(value: RequestFormValue): ImagingRequestDraft {
  const contrast = value.contrast === 'yes';
  return {
    doctor: { name: text(value.doctorName), rpps: text(value.doctorRpps), phone: text(value.doctorPhone) },
    requestDate: date(value.requestDate),
    patient: {
      lastName: text(value.lastName),
      firstName: text(value.firstName),
      birthDate: date(value.birthDate),
      address: { street: text(value.street), postalCode: text(value.postalCode), city: text(value.city) },
      phone: text(value.patientPhone),
      email: text(value.patientEmail),
      ambulatory: value.ambulatory === 'yes',
      mobilityAid: value.ambulatory === 'no' && value.mobilityAid ? value.mobilityAid : null,
      pregnant: value.pregnant,
      pacemaker: value.pacemaker === 'yes',
    },
    exam: { modality: value.modality || null, anatomicalRegion: text(value.anatomicalRegion), contrast },
    suspectedDiagnosis: {
      code: value.diagnosis || null,
      otherText: value.diagnosis === 'other' ? text(value.otherDiagnosis) : null,
    },
    clinicalElements: text(value.clinicalElements),
    contrastWorkup: contrast
      ? {
          labInProgress: text(value.labInProgress),
          crpMgPerL: number(value.crp),
          creatinineClearanceMlPerMin: number(value.clearance),
          clearanceFormula: value.clearanceFormula || null,
        }
      : null,
    allergies: { contrastAgent: contrast ? value.contrastAllergy === 'yes' : false, details: text(value.allergyDetails) },
    channel: value.channel,
  };
}

/** A saved request back into the inputs, to complete or correct it. */
export function fromDraft(draft: ImagingRequestDraft, today: string): RequestFormValue {
  const empty = emptyRequestForm(today);
  const workup = draft.contrastWorkup;
  return {
    doctorName: draft.doctor?.name ?? '',
    doctorRpps: draft.doctor?.rpps ?? '',
    doctorPhone: draft.doctor?.phone ?? '',
    lastName: draft.patient?.lastName ?? '',
    firstName: draft.patient?.firstName ?? '',
    birthDate: isoToFrench(draft.patient?.birthDate),
    patientPhone: draft.patient?.phone ?? '',
    street: draft.patient?.address?.street ?? '',
    postalCode: draft.patient?.address?.postalCode ?? '',
    city: draft.patient?.address?.city ?? '',
    patientEmail: draft.patient?.email ?? '',
    ambulatory: draft.patient?.ambulatory === false ? 'no' : 'yes',
    mobilityAid: draft.patient?.mobilityAid ?? '',
    pregnant: draft.patient?.pregnant ?? empty.pregnant,
    pacemaker: draft.patient?.pacemaker ? 'yes' : 'no',
    modality: draft.exam?.modality ?? '',
    anatomicalRegion: draft.exam?.anatomicalRegion ?? '',
    contrast: draft.exam?.contrast ? 'yes' : 'no',
    diagnosis: draft.suspectedDiagnosis?.code ?? '',
    otherDiagnosis: draft.suspectedDiagnosis?.otherText ?? '',
    clinicalElements: draft.clinicalElements ?? '',
    labInProgress: workup?.labInProgress ?? '',
    clearance: workup?.creatinineClearanceMlPerMin?.toString().replace('.', ',') ?? '',
    clearanceFormula: workup?.clearanceFormula ?? '',
    crp: workup?.crpMgPerL?.toString().replace('.', ',') ?? '',
    contrastAllergy: draft.allergies?.contrastAgent ? 'yes' : 'no',
    allergyDetails: draft.allergies?.details ?? '',
    requestDate: draft.requestDate ? isoToFrench(draft.requestDate) : empty.requestDate,
    channel: draft.channel ?? empty.channel,
  };
}

function text(value: string): string | null {
  return value.trim() === '' ? null : value.trim();
}

/** ISO when readable; else the text as typed, which the gate then reports as invalid. */
function date(value: string): string | null {
  return value.trim() === '' ? null : (parseFrenchDate(value) ?? value.trim());
}

/** A decimal comma or point; NaN for anything else, which the gate reports as invalid. */
function number(value: string): number | null {
  return value.trim() === '' ? null : Number(value.trim().replace(',', '.'));
}

function isoToFrench(value: string | null | undefined): string {
  if (!value) return '';
  return parseFrenchDate(value) ? formatFrenchDate(value) : value;
}
