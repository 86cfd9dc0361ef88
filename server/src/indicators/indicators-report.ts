import {
  MODALITIES,
  MODALITY_LABELS,
  SUSPECTED_DIAGNOSIS_LABELS,
  type CentreIndicators,
  type IndicatorBreakdown,
  type IndicatorsReport,
  type Modality,
  type RelevanceLine,
  type Share,
  type SlotUse,
  type SuspectedDiagnosisCode,
} from '@creneau/contracts';
import { periodMonths, type IndicatorScope } from './indicator-scope';
import type { GroupRow, MediansRow, ReasonRow, SlotUseRow, TallyRow } from './indicator-rows';

/** What the statements of the indicators returned. */
export interface IndicatorRows {
  tally: TallyRow;
  medians: MediansRow;
  doctors: number;
  groups: GroupRow[];
  reasons: ReasonRow[];
  slots: SlotUseRow[];
}

export interface ReportOptions {
  top: number;
  followUpDays: number;
}

/** Turns the database's sums into the API's figures: rounding, shares, labels, top N and empty months. */
export function buildReport(scope: IndicatorScope, rows: IndicatorRows, options: ReportOptions): IndicatorsReport {
  const t = rows.tally;
  const groups = (dimension: GroupRow['dimension']) => rows.groups.filter((group) => group.dimension === dimension);
  const centreGroups = merged(groups('centre'), (g) => g.centre_key).filter((group) => group.centre_key !== null);
  const channels = [
    { channel: 'phone' as const, count: t.phone },
    { channel: 'web' as const, count: t.web },
    { channel: 'secure-mail' as const, count: t.secure_mail },
    { channel: 'unknown' as const, count: t.received - t.phone - t.web - t.secure_mail },
  ];
  return {
    period: { from: scope.from, to: scope.to, timezone: scope.timezone },
    centreId: scope.centreId,
    modality: scope.modality,
    targetDelayHours: scope.targetDelayHours,
    maximumDelayHours: scope.maximumDelayHours,
    followUpDays: options.followUpDays,
    requests: {
      received: t.received,
      imported: t.imported,
      byChannel: channels.filter((line) => line.count > 0).sort((a, b) => b.count - a.count),
      complete: t.complete,
      incomplete: t.received - t.complete,
      outsideProtocol: t.outside_protocol,
    },
    booked: share(t.booked, t.received),
    appointmentDelay: {
      days: { count: t.booked, mean: perDay(mean(t.delay_hours, t.booked)), median: perDay(rows.medians.delay_hours) },
      withinTarget: share(t.within_target, t.booked),
      withinMaximum: share(t.within_maximum, t.booked),
      byDay: [t.day_0, t.day_1, t.day_2, t.day_3, t.day_4, t.day_5, t.day_6, t.day_7].map((count, day) => ({ day, count })),
    },
    responseDelay: {
      count: t.answered,
      mean: round(mean(t.response_hours, t.answered)),
      median: round(rows.medians.response_hours),
    },
    refusals: { total: t.refusals, requests: t.refused, byReason: rows.reasons.slice(0, options.top) },
    outcomes: {
      done: t.done,
      noShow: t.no_show,
      cancelled: t.cancelled,
      pending: t.pending,
      notBooked: t.not_booked,
      lostToFollowUp: {
        total: t.lost_never_answered + t.lost_outcome_unknown,
        neverAnswered: t.lost_never_answered,
        outcomeUnknown: t.lost_outcome_unknown,
      },
    },
    sectors: { public: share(t.public, t.booked), private: share(t.private, t.booked) },
    byModality: largestFirst(
      merged(groups('exam'), (g) => g.modality).map((g) => breakdown(g, g.modality, modalityLabel(g.modality))),
    ),
    byExam: largestFirst(
      merged(groups('exam'), examKey).map((g) =>
        breakdown(g, examKey(g), `${modalityLabel(g.modality)} — ${g.exam ?? 'non précisé'}`),
      ),
    ).slice(0, options.top),
    byDiagnosis: largestFirst(
      merged(groups('relevance'), (g) => g.suspected_diagnosis).map((g) =>
        breakdown(g, g.suspected_diagnosis, diagnosisLabel(g.suspected_diagnosis)),
      ),
    ).slice(0, options.top),
    byCentre: centres(centreGroups, rows.slots, scope),
    slots: slotUse(rows.slots),
    monthly: periodMonths(scope).map((month) => {
      const days = groups('day').filter((g) => g.received_day?.startsWith(month));
      return { month, received: sum(days, (g) => g.received), booked: sum(days, (g) => g.booked) };
    }),
    doctors: rows.doctors,
    partnerCentres: centreGroups.length,
    relevance: relevance(groups('relevance')),
  };
}

/**
 * Groups of one key added up: the database keeps each spelling of an exam, and each name or sector an imported
 * file gave a centre it does not know, apart. The label is the first in byte order, as SQL's would be.
 */
function merged(rows: GroupRow[], keyOf: (row: GroupRow) => string | null): GroupRow[] {
  const byKey = new Map<string | null, GroupRow>();
  for (const row of rows) {
    const key = keyOf(row);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, { ...row });
      continue;
    }
    seen.received += row.received;
    seen.booked += row.booked;
    seen.done += row.done;
    seen.within_target += row.within_target;
    seen.delay_hours = (seen.delay_hours ?? 0) + (row.delay_hours ?? 0);
    if (row.exam !== null && (seen.exam === null || row.exam < seen.exam)) seen.exam = row.exam;
    if (row.centre_name !== null && (seen.centre_name === null || row.centre_name < seen.centre_name)) {
      seen.centre_name = row.centre_name;
      seen.sector = row.sector;
    }
  }
  return [...byKey.values()];
}

/** An exam is its modality and its words, whatever their case. */
function examKey(group: GroupRow): string {
  return `${group.modality ?? 'unknown'}:${group.exam?.toLowerCase() ?? ''}`;
}

function breakdown(group: GroupRow, key: string | null, label: string): IndicatorBreakdown {
  return {
    key: key ?? 'unknown',
    label,
    received: group.received,
    booked: group.booked,
    meanDelayDays: perDay(mean(group.delay_hours, group.booked)),
    withinTarget: share(group.within_target, group.booked),
  };
}

/** Most requests first; equals in the order of their keys (centres: of their names), so that the top N is stable. */
function largestFirst<T extends IndicatorBreakdown>(lines: T[], tie: (line: T) => string = (line) => line.key): T[] {
  return lines.sort((a, b) => b.received - a.received || compare(tie(a), tie(b)) || compare(a.key, b.key));
}

/** Centres of the cohort's requests, and those that published places without receiving any. */
function centres(groups: GroupRow[], slots: SlotUseRow[], scope: IndicatorScope): CentreIndicators[] {
  const fromCases = groups.map((group): CentreIndicators => {
    const slot = slots.find((s) => s.centre_id === group.centre_id);
    const name = group.centre_name ?? (group.centre_id ? scope.centres.get(group.centre_id)?.name : undefined);
    return {
      ...breakdown(group, group.centre_key, name ?? ''),
      centreId: group.centre_id,
      sector: group.sector,
      slots: slot ? slotUse([slot]) : null,
    };
  });
  const withoutCases = slots
    .filter((slot) => !fromCases.some((centre) => centre.centreId === slot.centre_id))
    .map((slot): CentreIndicators => ({
      key: slot.centre_id,
      label: slot.centre_name,
      received: 0,
      booked: 0,
      meanDelayDays: null,
      withinTarget: share(0, 0),
      centreId: slot.centre_id,
      sector: slot.sector,
      slots: slotUse([slot]),
    }));
  return largestFirst([...fromCases, ...withoutCases], (centre) => centre.label);
}

/** Done exams by suspected diagnosis, with what the imaging found. */
function relevance(groups: GroupRow[]): RelevanceLine[] {
  const byDiagnosis = new Map<string, RelevanceLine>();
  for (const group of groups.filter((g) => g.done > 0)) {
    const diagnosis = group.suspected_diagnosis ?? 'unknown';
    const line = byDiagnosis.get(diagnosis) ?? {
      diagnosis,
      label: diagnosisLabel(group.suspected_diagnosis),
      done: 0,
      confirmed: 0,
      notConfirmed: 0,
      otherFinding: 0,
      noResult: 0,
      confirmedShare: null,
    };
    line.done += group.done;
    if (group.imaging_result === 'confirmed') line.confirmed += group.done;
    else if (group.imaging_result === 'not-confirmed') line.notConfirmed += group.done;
    else if (group.imaging_result === 'other-finding') line.otherFinding += group.done;
    else line.noResult += group.done;
    byDiagnosis.set(diagnosis, line);
  }
  return [...byDiagnosis.values()]
    .map((line) => ({ ...line, confirmedShare: share(line.confirmed, line.done - line.noResult).share }))
    .sort((a, b) => b.done - a.done || compare(a.diagnosis, b.diagnosis));
}

function slotUse(rows: SlotUseRow[]): SlotUse {
  const published = sum(rows, (row) => row.published);
  const used = sum(rows, (row) => row.used);
  return {
    published,
    used,
    releasedUnused: sum(rows, (row) => row.released_unused),
    withdrawn: sum(rows, (row) => row.withdrawn),
    useRate: share(used, published).share,
  };
}

function sum<T>(rows: T[], pick: (row: T) => number): number {
  return rows.reduce((total, row) => total + pick(row), 0);
}

function share(count: number, of: number): Share {
  return { count, share: of === 0 ? null : Math.round((count / of) * 10_000) / 10_000 };
}

function mean(sum: number | null, count: number): number | null {
  return count === 0 || sum === null ? null : sum / count;
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

function perDay(hours: number | null): number | null {
  return hours === null ? null : round(hours / 24);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function modalityLabel(modality: string | null): string {
  return (MODALITIES as readonly string[]).includes(modality ?? '') ? MODALITY_LABELS[modality as Modality] : 'Non précisée';
}

function diagnosisLabel(code: string | null): string {
  return SUSPECTED_DIAGNOSIS_LABELS[code as SuspectedDiagnosisCode] ?? 'Non précisé';
}
