import { DateTime } from 'luxon';
import {
  EVALUATION_OUTCOME_LABELS,
  IMAGING_RESULT_LABELS,
  MODALITY_DICOM_CODES,
  MODALITY_LABELS,
  REQUEST_CHANNEL_LABELS,
  SUSPECTED_DIAGNOSIS_LABELS,
  type CentreSector,
} from '@creneau/contracts';
import { fold } from './evaluation-columns';

/** The words of the file, French as written by the export, and what an import also understands. */
export const SECTOR_LABELS: Record<CentreSector, string> = { public: 'public', private: 'privé' };

const YES = ['oui', 'o', 'vrai', 'yes', 'true', '1'];
const NO = ['non', 'n', 'faux', 'no', 'false', '0'];

export function yesNo(value: boolean | null): string {
  return value === null ? '' : value ? 'oui' : 'non';
}

export function parseYesNo(text: string): boolean | undefined {
  const word = fold(text);
  return YES.includes(word) ? true : NO.includes(word) ? false : undefined;
}

/** A vocabulary: each code known by its code, its French label and any synonyms, compared folded. */
function vocabulary<Code extends string>(labels: Record<Code, string>, synonyms: Partial<Record<Code, string[]>> = {}) {
  const words = new Map<string, Code>();
  for (const code of Object.keys(labels) as Code[]) {
    for (const word of [code, labels[code], ...(synonyms[code] ?? [])]) words.set(fold(word), code);
  }
  return (text: string): Code | undefined => words.get(fold(text));
}

export const parseModality = vocabulary(MODALITY_LABELS, {
  radiography: [...MODALITY_DICOM_CODES.radiography, 'radio', 'radiologie conventionnelle'],
  ultrasound: [...MODALITY_DICOM_CODES.ultrasound, 'écho'],
  ct: [...MODALITY_DICOM_CODES.ct, 'tdm', 'tomodensitométrie'],
  mri: [...MODALITY_DICOM_CODES.mri],
});
export const parseDiagnosis = vocabulary(SUSPECTED_DIAGNOSIS_LABELS, { other: ['autre'] });
export const parseChannel = vocabulary(REQUEST_CHANNEL_LABELS, { 'secure-mail': ['messagerie', 'mssanté'] });
export const parseResult = vocabulary(IMAGING_RESULT_LABELS, { confirmed: ['confirmée'], 'not-confirmed': ['non confirmée'] });
export const parseOutcome = vocabulary(EVALUATION_OUTCOME_LABELS, {
  'not-booked': ['non programmé', 'sans rendez-vous'],
  done: ['réalisé', 'fait'],
  'no-show': ['absent', 'absence'],
  cancelled: ['annulé'],
});
export const parseSector = vocabulary(SECTOR_LABELS, { private: ['libéral'] });

/** An instant as the export writes it: local time with its offset, to the second. */
export function formatInstant(instant: Date | null, timezone: string): string {
  if (!instant) return '';
  return DateTime.fromJSDate(instant, { zone: timezone }).toISO({ suppressMilliseconds: true }) ?? '';
}

const ISO = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const LOCAL_FORMATS = ['dd/MM/yyyy', 'dd/MM/yyyy HH:mm', 'dd/MM/yyyy HH:mm:ss', 'd/M/yyyy', 'd/M/yyyy H:mm', 'd/M/yyyy H:mm:ss'];

/**
 * ISO 8601 with an offset (as exported), or a local reading of the territory's zone: ISO without offset, or
 * French dd/mm/yyyy with or without the time. Seconds at most: what the evaluation keeps.
 */
export function parseInstant(text: string, timezone: string): Date | undefined {
  const value = text.trim();
  const local = ISO.test(value)
    ? DateTime.fromISO(value.replace(' ', 'T'), { zone: timezone })
    : LOCAL_FORMATS.map((format) => DateTime.fromFormat(value, format, { zone: timezone })).find((date) => date.isValid);
  if (!local?.isValid || local.year < 1990 || local.year > 2100) return undefined;
  return local.startOf('second').toJSDate();
}

/** Hours with a comma, as French spreadsheets write decimals. */
export function formatHours(hours: number | null): string {
  return hours === null ? '' : hours.toFixed(2).replace('.', ',');
}

/** A non-negative number of hours, comma or point, kept to the hundredth. */
export function parseHours(text: string): number | undefined {
  const value = text.trim().replace(',', '.');
  if (!/^\d{1,7}(\.\d+)?$/.test(value)) return undefined;
  return Math.round(Number(value) * 100) / 100;
}
