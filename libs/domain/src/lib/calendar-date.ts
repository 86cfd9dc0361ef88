import { DateTime } from 'luxon';

import { epochMs, type Instant } from './instant';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** 'yyyy-mm-dd' naming a real day (no 30 February); these strings also sort chronologically. */
export function parseIsoDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  // setUTCFullYear, unlike Date.UTC, does not move years 0-99 to the 1900s.
  const probe = new Date(0);
  probe.setUTCFullYear(year, month - 1, day);
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  return { year, month, day };
}

export function isIsoDate(value: unknown): value is string {
  return parseIsoDate(value) !== null;
}

/** The local calendar date of an instant in a time zone, 'yyyy-mm-dd'. */
export function localDateOf(instant: Instant, timezone: string): string {
  const local = DateTime.fromMillis(epochMs(instant), { zone: timezone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${timezone}`);
  return local.toISODate() as string;
}

/** Whole years between two ISO dates (an age), counting a 29 February birthday on 1 March in common years. */
export function yearsBetween(earlier: string, later: string): number {
  const from = parseIsoDate(earlier);
  const to = parseIsoDate(later);
  if (!from || !to) throw new RangeError(`Not ISO dates: ${earlier}, ${later}`);
  const beforeAnniversary = to.month < from.month || (to.month === from.month && to.day < from.day);
  return to.year - from.year - (beforeAnniversary ? 1 : 0);
}
