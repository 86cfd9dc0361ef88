import type { CentreSector } from './centre';
import type { RequestChannel } from './imaging-request';
import type { Modality } from './modality';

/**
 * Filters of `GET /api/indicators` and `GET /api/indicators/export`: `from` and `to` are days of the territory's
 * time zone, both included; the figures are about the requests received in that period.
 */
export interface IndicatorsQuery {
  from: string;
  to: string;
  centreId?: string;
  modality?: Modality;
  /** How many exams, diagnoses and refusal reasons to list (10 by default). */
  top?: number;
  /** Days after an appointment's date past which an unknown outcome counts as lost to follow-up: by default the server's
   * LOST_TO_FOLLOW_UP_DAYS (3), the days its lost-to-follow-up job waits. */
  followUpDays?: number;
}

/** Where a request ended, as the territory's evaluation records it. */
export const EVALUATION_OUTCOMES = ['not-booked', 'pending', 'done', 'no-show', 'cancelled'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

export const EVALUATION_OUTCOME_LABELS: Record<EvaluationOutcome, string> = {
  'not-booked': 'Non programmée',
  pending: 'En attente',
  done: 'Examen réalisé',
  'no-show': 'Patient absent',
  cancelled: 'Annulée',
};

/** A count and its share of the figure's population; `share` is null when that population is empty. */
export interface Share {
  count: number;
  share: number | null;
}

/** Mean and median over `count` values; null when there are none. */
export interface DelaySummary {
  count: number;
  mean: number | null;
  median: number | null;
}

/** One line of a breakdown (by modality, exam, suspected diagnosis or centre). */
export interface IndicatorBreakdown {
  /** Modality or diagnosis code, exam or centre key; `unknown` when the request does not say. */
  key: string;
  label: string;
  received: number;
  booked: number;
  meanDelayDays: number | null;
  /** Booked requests whose appointment came within the territory's target delay. */
  withinTarget: Share;
}

/** Reserved places of the agenda: only Créneau's own slots, imported evaluations have none. */
export interface SlotUse {
  published: number;
  used: number;
  releasedUnused: number;
  withdrawn: number;
  /** used / published. */
  useRate: number | null;
}

export interface CentreIndicators extends IndicatorBreakdown {
  /** Null for a centre named by an imported evaluation but unknown in the territory. */
  centreId: string | null;
  sector: CentreSector | null;
  slots: SlotUse | null;
}

export interface RelevanceLine {
  diagnosis: string;
  label: string;
  done: number;
  confirmed: number;
  notConfirmed: number;
  otherFinding: number;
  noResult: number;
  /** confirmed / exams with a result. */
  confirmedShare: number | null;
}

/** Answer of `GET /api/indicators`. */
export interface IndicatorsReport {
  period: { from: string; to: string; timezone: string };
  centreId: string | null;
  modality: Modality | null;
  targetDelayHours: number;
  maximumDelayHours: number;
  followUpDays: number;
  requests: {
    received: number;
    /** Of which from imported evaluations. */
    imported: number;
    byChannel: { channel: RequestChannel | 'unknown'; count: number }[];
    complete: number;
    incomplete: number;
    outsideProtocol: number;
  };
  /** Requests that obtained an appointment, and their share of those received. */
  booked: Share;
  appointmentDelay: {
    days: DelaySummary;
    withinTarget: Share;
    withinMaximum: Share;
    /** Booked requests by calendar days from request to appointment (J0, J+1…); day 7 holds 7 and more. */
    byDay: { day: number; count: number }[];
  };
  /** Hours from booking to the centre's confirmation or refusal. */
  responseDelay: DelaySummary;
  refusals: { total: number; requests: number; byReason: { reason: string; count: number }[] };
  outcomes: {
    done: number;
    noShow: number;
    cancelled: number;
    pending: number;
    notBooked: number;
    lostToFollowUp: { total: number; neverAnswered: number; outcomeUnknown: number };
  };
  sectors: { public: Share; private: Share };
  byModality: IndicatorBreakdown[];
  byExam: IndicatorBreakdown[];
  byDiagnosis: IndicatorBreakdown[];
  byCentre: CentreIndicators[];
  slots: SlotUse;
  /** By month of the request ('yyyy-mm', territory's time zone). */
  monthly: { month: string; received: number; booked: number }[];
  doctors: number;
  partnerCentres: number;
  relevance: RelevanceLine[];
}

/** Answer of `POST /api/indicators/import` when every line was read. */
export interface EvaluationImportResult {
  rows: number;
  imported: number;
  /** Lines already imported by an earlier run: a re-import changes nothing. */
  alreadyPresent: number;
}

export interface EvaluationImportProblem {
  /** Line of the file, the header being line 1. */
  line: number;
  reasons: string[];
}

/** The 422 of `POST /api/indicators/import`: nothing was imported. */
export interface EvaluationImportRejection {
  statusCode: 422;
  message: string;
  problems: EvaluationImportProblem[];
}
