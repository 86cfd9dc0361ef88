import type { IndicatorsFilter } from './indicators-api';

/** The twelve months to date, in the territory's days: from the first of the month eleven months ago to today. */
export function lastTwelveMonths(now: Date, timeZone: string): IndicatorsFilter {
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone }).format(now);
  const [year, month] = today.split('-').map(Number);
  const start = new Date(Date.UTC(year, month - 12, 1)).toISOString().slice(0, 10);
  return { from: start, to: today };
}
