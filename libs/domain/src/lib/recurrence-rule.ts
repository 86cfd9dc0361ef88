import { Frequency, RRule, Weekday, type Options } from 'rrule';

/** The RRULE value as typed, without an 'RRULE:' prefix. */
export function ruleText(rrule: string): string {
  return rrule.trim().replace(/^RRULE:/i, '');
}

/** RFC 5545 names and values are case-insensitive, but rrule only reads 'MO', not 'mo'. */
export function parseRule(text: string): Partial<Options> {
  return RRule.parseString(text.toUpperCase());
}

/**
 * What is wrong with an RRULE value, in French, or nothing. Beyond what rrule cannot read, this refuses the parts
 * and combinations that can leave a rule with no occurrence at all (30 February, BYSETPOS past the set...): rrule
 * would search for one until the year 9999, which blocks for up to half a minute. What remains (an INTERVAL that
 * skips every 29 February, say) costs a YEARLY or MONTHLY walk of well under a second.
 */
export function rruleProblems(rrule: unknown): string[] {
  if (typeof rrule !== 'string' || rrule.trim() === '') return ['À renseigner : règle de récurrence (RRULE).'];
  const text = ruleText(rrule);
  if (/[\r\n]/.test(text)) return ['Une seule ligne RRULE est attendue (les exceptions se saisissent à part).'];
  if (/(^|;)\s*(DTSTART|TZID)\b/i.test(text)) {
    return ['DTSTART et TZID viennent de la date de début et du fuseau horaire : retirez-les de la règle.'];
  }
  const unreadable = unreadableRuleParts(text);
  if (unreadable.length > 0) {
    return unreadable.map((part) =>
      part.trim() === '' ? 'Point-virgule en trop dans la règle.' : `Partie illisible dans la règle : « ${part} ».`,
    );
  }
  return shapeProblems(parseRule(text));
}

/** RFC 5545 ranges of the numeric parts rrule parses without checking. */
const NUMERIC_RANGES: Partial<Record<keyof Options, { min: number; max: number; signed: boolean }>> = {
  interval: { min: 1, max: 10_000, signed: false },
  count: { min: 1, max: Number.MAX_SAFE_INTEGER, signed: false },
  bymonth: { min: 1, max: 12, signed: false },
  bymonthday: { min: 1, max: 31, signed: true },
  byyearday: { min: 1, max: 366, signed: true },
  byweekno: { min: 1, max: 53, signed: true },
  bysetpos: { min: 1, max: 366, signed: true },
};

/** The parts of an RRULE value that rrule cannot read, or reads into nonsense (it is lenient: 'FREQ=FOO' passes). */
function unreadableRuleParts(text: string): string[] {
  return text.split(';').filter((part) => {
    let options: Partial<Options>;
    try {
      options = parseRule(part);
    } catch {
      return true;
    }
    const entries = Object.entries(options) as [keyof Options, unknown][];
    return entries.length === 0 || entries.some(([key, value]) => !isSensible(key, value));
  });
}

function isSensible(key: keyof Options, value: unknown): boolean {
  const range = NUMERIC_RANGES[key];
  if (value === undefined || value === null) return false;
  return listOf(value).every((item) => {
    if (item === undefined || item === null) return false;
    if (!range) return true;
    if (typeof item !== 'number' || !Number.isInteger(item)) return false;
    const magnitude = range.signed ? Math.abs(item) : item;
    return magnitude >= range.min && magnitude <= range.max;
  });
}

const SUB_DAILY = [Frequency.HOURLY, Frequency.MINUTELY, Frequency.SECONDLY];
/** Parts a slot rule has no use for, and whose combinations can leave a rule with no occurrence at all. */
const UNSUPPORTED_PARTS: [keyof Options, string][] = [
  ['bysetpos', 'BYSETPOS'],
  ['byyearday', 'BYYEARDAY'],
  ['byweekno', 'BYWEEKNO'],
  ['byeaster', 'BYEASTER'],
];
const LONGEST_MONTHS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function shapeProblems(options: Partial<Options>): string[] {
  const problems: string[] = [];
  const { freq } = options;
  if (freq === undefined) problems.push('Fréquence manquante : FREQ=DAILY, WEEKLY, MONTHLY ou YEARLY.');
  else if (SUB_DAILY.includes(freq))
    problems.push('Fréquence infra-journalière non prise en charge : un créneau par jour au plus.');
  if (options.byhour != null || options.byminute != null || options.bysecond != null) {
    problems.push('BYHOUR, BYMINUTE et BYSECOND ne sont pas pris en charge : l’heure vient de l’heure de début.');
  }
  const unsupported = UNSUPPORTED_PARTS.filter(([key]) => options[key] != null).map(([, name]) => name);
  if (unsupported.length > 0) problems.push(`Non pris en charge pour des créneaux : ${unsupported.join(', ')}.`);
  if (options.count != null && options.until != null)
    problems.push('COUNT et UNTIL ne peuvent pas être utilisés ensemble (RFC 5545).');

  const weekdays = listOf(options.byweekday).filter((day): day is Weekday => day instanceof Weekday);
  const ordinals = weekdays.filter((day) => day.n !== undefined && day.n !== 0).map((day) => Math.abs(day.n as number));
  const monthDays = listOf(options.bymonthday).filter((day): day is number => typeof day === 'number');
  const months = listOf(options.bymonth).filter((month): month is number => typeof month === 'number');

  if (ordinals.length > 0) {
    const withinMonth = freq === Frequency.MONTHLY || (freq === Frequency.YEARLY && months.length > 0);
    if (freq === Frequency.DAILY || freq === Frequency.WEEKLY) {
      problems.push('Un jour numéroté (ex. 1MO) ne s’emploie qu’avec FREQ=MONTHLY ou YEARLY.');
    } else if (withinMonth && Math.max(...ordinals) > 5) {
      problems.push('Un mois compte au plus 5 semaines : 1MO à 5MO, ou -1MO à -5MO.');
    } else if (Math.max(...ordinals) > 53) {
      problems.push('Une année compte au plus 53 semaines.');
    }
    if (monthDays.length > 0) problems.push('Un jour numéroté (ex. 1MO) ne se combine pas avec BYMONTHDAY.');
  }
  // Any weekday falls on any month day some year or other; an interval can skip every matching day, though.
  if (freq === Frequency.DAILY && (options.interval ?? 1) > 1 && weekdays.length > 0) {
    problems.push('FREQ=DAILY avec INTERVAL ne se combine pas avec BYDAY : utilisez FREQ=WEEKLY.');
  }
  if (
    monthDays.length > 0 &&
    months.length > 0 &&
    !months.some((m) => monthDays.some((d) => Math.abs(d) <= LONGEST_MONTHS[m - 1]))
  ) {
    problems.push('Aucun jour ne correspond : les jours BYMONTHDAY n’existent dans aucun des mois BYMONTH.');
  }
  return problems;
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}
