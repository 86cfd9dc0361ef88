import type { CentreSector, EvaluationOutcome, ImagingResult, Modality, RequestChannel } from '@creneau/contracts';
import { isWithinProtocol } from '@creneau/domain';
import { fold, REASON_SEPARATOR, type EvaluationLine } from './evaluation-columns';
import {
  parseChannel,
  parseDiagnosis,
  parseHours,
  parseInstant,
  parseModality,
  parseOutcome,
  parseResult,
  parseSector,
  parseYesNo,
} from './evaluation-values';

/** One request of an imported evaluation, as it will be stored. */
export interface EvaluationRecord {
  sourceId: string;
  receivedAt: Date;
  modality: Modality;
  exam: string | null;
  diagnosis: string;
  complete: boolean;
  outsideProtocol: boolean;
  channel: RequestChannel | null;
  doctor: string | null;
  centreId: string | null;
  centreName: string | null;
  sector: CentreSector | null;
  accepted: boolean | null;
  answeredAt: Date | null;
  responseHours: number | null;
  appointmentAt: Date | null;
  outcome: EvaluationOutcome;
  result: ImagingResult | null;
  refusals: number;
  refusalReasons: string[];
}

export interface LineContext {
  timezone: string;
  /** The territory's centres by folded name. */
  centres: Map<string, { id: string; sector: CentreSector }>;
}

const TEXT_LIMIT = 200;

/**
 * Reads one line, or says everything wrong with it. The delays are not read back: the appointment delay
 * follows from the dates, and the response delay is read as given (the file has no booking date).
 */
export function parseEvaluationLine(line: EvaluationLine, context: LineContext): EvaluationRecord | string[] {
  const reasons: string[] = [];
  const cell = (text: string | undefined) => (text ?? '').trim();
  const read = <T>(
    text: string | undefined,
    parse: (text: string) => T | undefined,
    what: string,
    required: boolean,
  ): T | null => {
    const value = cell(text);
    if (value === '') {
      if (required) reasons.push(`${what} : vide`);
      return null;
    }
    const parsed = parse(value);
    if (parsed === undefined) reasons.push(`${what} : « ${value} » illisible`);
    return parsed ?? null;
  };
  const instant = (text: string) => parseInstant(text, context.timezone);
  const count = (text: string) => (/^\d{1,4}$/.test(text) ? Number(text) : undefined);

  const sourceId = cell(line.id);
  if (sourceId === '') reasons.push('identifiant : vide');
  const receivedAt = read(line.receivedAt, instant, 'date de la demande', true);
  const modality = read(line.modality, parseModality, 'modalité', true);
  const diagnosis = read(line.diagnosis, parseDiagnosis, 'diagnostic suspecté', true);
  const complete = read(line.complete, parseYesNo, 'bon complet (oui/non)', true);
  const outsideProtocol = read(line.outsideProtocol, parseYesNo, 'hors protocole (oui/non)', false);
  const channel = read(line.channel, parseChannel, 'canal', false);
  const accepted = read(line.accepted, parseYesNo, 'accepté par le centre (oui/non)', false);
  const answeredAt = read(line.answeredAt, instant, 'date de réponse', false);
  const responseHours = read(line.responseHours, parseHours, 'délai de réponse (h)', false);
  const appointmentAt = read(line.appointmentAt, instant, 'date du rendez-vous', false);
  const outcome = read(line.outcome, parseOutcome, 'issue', true);
  const result = read(line.result, parseResult, 'résultat', false);
  const sector = read(line.sector, parseSector, 'secteur du centre (public/privé)', false);
  const refusalCount = read(line.refusals, count, 'refus (nombre)', false);
  const refusalReasons = cell(line.refusalReasons)
    .split(REASON_SEPARATOR.trim())
    .map((reason) => reason.trim())
    .filter(Boolean);
  const centreName = cell(line.centre) || null;
  const known = centreName ? context.centres.get(fold(centreName)) : undefined;
  const refusals = refusalCount ?? Math.max(refusalReasons.length, accepted === false ? 1 : 0);

  for (const [text, what] of [
    [line.id, 'identifiant'],
    [line.exam, 'examen'],
    [line.centre, 'centre'],
    [line.doctor, 'médecin demandeur'],
  ] as const) {
    if (cell(text).length > TEXT_LIMIT) reasons.push(`${what} : ${TEXT_LIMIT} caractères au plus`);
  }
  if (outcome && outcome !== 'not-booked' && !appointmentAt) reasons.push('date du rendez-vous : vide, pour cette issue');
  if (outcome === 'not-booked' && appointmentAt) reasons.push('une demande non programmée n’a pas de date de rendez-vous');
  if (receivedAt && appointmentAt && appointmentAt < receivedAt) reasons.push('le rendez-vous précède la demande');
  if (accepted === false && outcome && outcome !== 'not-booked')
    reasons.push('refusée par le centre, la demande n’a pas de rendez-vous');
  if (accepted === false && refusals === 0) reasons.push('refusée par le centre : au moins un refus');
  if (result && outcome !== 'done') reasons.push('un résultat suppose un examen réalisé');
  if (appointmentAt && !centreName) reasons.push('centre : vide, pour un rendez-vous');
  if (centreName && !sector) reasons.push('secteur du centre (public/privé) : vide, pour un centre');
  if (known && sector && known.sector !== sector)
    reasons.push(`le centre « ${centreName} » est ${known.sector === 'public' ? 'public' : 'privé'}`);

  if (reasons.length > 0 || !receivedAt || !modality || !diagnosis || complete === null || !outcome) return reasons;
  return {
    sourceId,
    receivedAt,
    modality,
    exam: cell(line.exam) || null,
    diagnosis,
    complete,
    outsideProtocol: outsideProtocol ?? !isWithinProtocol(modality, diagnosis),
    channel,
    doctor: cell(line.doctor) || null,
    centreId: known?.id ?? null,
    centreName,
    sector,
    accepted,
    answeredAt,
    responseHours,
    appointmentAt,
    outcome,
    result,
    refusals,
    refusalReasons,
  };
}
