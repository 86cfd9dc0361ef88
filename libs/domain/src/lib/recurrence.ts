import type { FieldProblem, RecurringRuleSpec } from '@creneau/contracts';
import { DateTime } from 'luxon';
import { RRule } from 'rrule';

import { isIsoDate, parseIsoDate, type CalendarDate } from './calendar-date';
import { isKnownTimeZone, parseLocalTime, wallTimeToInstant } from './local-time';
import { parseRule, ruleText, rruleProblems } from './recurrence-rule';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** The bounds the agenda's database enforces on a rule's slots, so that a valid rule can always be stored. */
export const RULE_DURATION_MINUTES = { min: 5, max: 720 } as const;

export interface Occurrence {
  start: Date;
  end: Date;
  /** The local date of the start: with the rule's id, a stable key for the generated slot. */
  localDate: string;
}

export type RecurringRuleProblem = FieldProblem<keyof RecurringRuleSpec>;

/** Every problem of a rule at once, in French for the centre staff who write it. */
export function validateRule(spec: RecurringRuleSpec): RecurringRuleProblem[] {
  const problems: RecurringRuleProblem[] = [];
  const problem = (field: keyof RecurringRuleSpec, message: string) => problems.push({ field, message });

  for (const message of rruleProblems(spec.rrule)) problem('rrule', message);
  if (!parseLocalTime(spec.startLocal)) problem('startLocal', 'Heure de début attendue au format HH:mm (00:00 à 23:59).');
  const duration = spec.durationMinutes;
  if (!Number.isInteger(duration) || duration < RULE_DURATION_MINUTES.min || duration > RULE_DURATION_MINUTES.max) {
    problem(
      'durationMinutes',
      `Durée attendue en minutes entières, de ${RULE_DURATION_MINUTES.min} à ${RULE_DURATION_MINUTES.max}.`,
    );
  }
  if (!isIsoDate(spec.validFrom)) problem('validFrom', 'Date de début attendue au format aaaa-mm-jj.');
  if (spec.validUntil != null) {
    if (!isIsoDate(spec.validUntil)) problem('validUntil', 'Date de fin attendue au format aaaa-mm-jj.');
    else if (isIsoDate(spec.validFrom) && spec.validUntil < spec.validFrom) {
      problem('validUntil', 'La date de fin précède la date de début.');
    }
  }
  if (!isKnownTimeZone(spec.timezone)) problem('timezone', `Fuseau horaire inconnu : « ${spec.timezone} » (ex. Europe/Paris).`);
  const badExceptions = (spec.exceptions ?? []).filter((date) => !isIsoDate(date));
  if (badExceptions.length > 0) {
    problem('exceptions', `Dates d’exception attendues au format aaaa-mm-jj : ${badExceptions.join(', ')}.`);
  }
  return problems;
}

/**
 * The occurrences of a rule whose start falls in [from, to), in absolute time.
 *
 * rrule is only given "floating" dates (local wall times stored in UTC fields, as its documentation advises), so
 * it never sees a time zone or daylight saving; each local occurrence is then turned into an instant in the
 * rule's zone (see wallTimeToInstant for the spring gap and the autumn overlap). 11:00 in Paris is thus 10:00Z
 * in winter and 09:00Z in summer. Durations are elapsed time: a 90-minute slot lasts 90 minutes, DST or not.
 * Exceptions remove occurrences after COUNT is applied, as EXDATE does in RFC 5545.
 */
export function expandRule(spec: RecurringRuleSpec, from: Date, to: Date): Occurrence[] {
  const problems = validateRule(spec);
  if (problems.length > 0) {
    throw new RangeError(`Invalid recurring rule: ${problems.map((p) => `${p.field}: ${p.message}`).join(' ')}`);
  }
  if (to.getTime() <= from.getTime()) return [];

  const { timezone } = spec;
  // validateRule has vouched for both.
  const startTime = parseLocalTime(spec.startLocal) as { hour: number; minute: number };
  const firstDay = parseIsoDate(spec.validFrom) as CalendarDate;
  const text = ruleText(spec.rrule);
  const options = parseRule(text);
  const rule = new RRule({
    ...options,
    dtstart: new Date(Date.UTC(firstDay.year, firstDay.month - 1, firstDay.day, startTime.hour, startTime.minute)),
    until: options.until ? floatingUntil(text, options.until, timezone) : null,
    tzid: null,
  });

  // The floating window is padded by a day each side: the zone's offset is not known until each occurrence is placed.
  const floatingFrom = new Date(floating(from, timezone).getTime() - DAY_MS);
  const floatingTo = new Date(floating(to, timezone).getTime() + DAY_MS);
  const skipped = new Set(spec.exceptions ?? []);

  return rule
    .between(floatingFrom, floatingTo, true)
    .map((local) => ({ local, localDate: local.toISOString().slice(0, 10) }))
    .filter(({ localDate }) => !skipped.has(localDate) && (spec.validUntil == null || localDate <= spec.validUntil))
    .map(({ local, localDate }) => {
      const start = wallTimeToInstant(
        {
          year: local.getUTCFullYear(),
          month: local.getUTCMonth() + 1,
          day: local.getUTCDate(),
          hour: local.getUTCHours(),
          minute: local.getUTCMinutes(),
        },
        timezone,
      );
      return { start, end: new Date(start.getTime() + spec.durationMinutes * MINUTE_MS), localDate };
    })
    .filter(({ start }) => start.getTime() >= from.getTime() && start.getTime() < to.getTime());
}

/** The wall time of an instant in a zone, as a floating date. */
function floating(instant: Date, timezone: string): Date {
  return DateTime.fromJSDate(instant, { zone: timezone }).setZone('UTC', { keepLocalTime: true }).toJSDate();
}

/**
 * UNTIL in floating time, by the form it was written in: UTC ('...Z') is an instant, converted to local wall time;
 * without 'Z' it is already local; a bare date includes the whole of that local day.
 */
function floatingUntil(text: string, until: Date, timezone: string): Date {
  const written = /UNTIL=\d{8}(T\d{6})?(Z)?/i.exec(text);
  if (written?.[2]) return floating(until, timezone);
  if (written && !written[1]) return new Date(until.getTime() + DAY_MS - 1);
  return until;
}
