import { DateTime } from 'luxon';

import { parseLocalTime } from './local-time';

const MINUTE_MS = 60_000;
/** Enough for any positive delay: a calendar with one working minute a week still ends within this many days. */
const MAX_DAYS_SCANNED = 7 * 366 * 10;

/** When the centres are expected to answer: the same hours on each working day, in the territory's zone. */
export interface WorkingHours {
  timezone: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** 'HH:mm', local. */
  opens: string;
  /** 'HH:mm', local, after `opens`. */
  closes: string;
}

/** Monday to Friday, 08:00–18:00 in Paris. Public holidays count as working days: no holiday calendar yet. */
export const DEFAULT_WORKING_HOURS: WorkingHours = {
  timezone: 'Europe/Paris',
  days: [1, 2, 3, 4, 5],
  opens: '08:00',
  closes: '18:00',
};

/**
 * The instant at which `minutes` of working time have passed since `start`: time outside the working hours
 * does not count (a booking on Friday at 16:00 plus 4 working hours is due on Monday at 10:00).
 */
export function addWorkingMinutes(start: Date, minutes: number, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`Working minutes must be zero or more; got ${minutes}.`);
  const opens = parseLocalTime(hours.opens);
  const closes = parseLocalTime(hours.closes);
  if (!opens || !closes || hours.opens >= hours.closes || !hours.days.some((day) => day >= 1 && day <= 7)) {
    throw new RangeError('Working hours need at least one weekday and an opening time before the closing time.');
  }
  if (minutes === 0) return start;
  let remaining = minutes * MINUTE_MS;
  let cursor = DateTime.fromJSDate(start, { zone: hours.timezone });
  if (!cursor.isValid) throw new RangeError(`Unknown time zone: ${hours.timezone}`);
  for (let scanned = 0; scanned < MAX_DAYS_SCANNED; scanned++) {
    const close = cursor.set({ hour: closes.hour, minute: closes.minute, second: 0, millisecond: 0 });
    if (hours.days.includes(cursor.weekday) && cursor < close) {
      const open = cursor.set({ hour: opens.hour, minute: opens.minute, second: 0, millisecond: 0 });
      const from = cursor < open ? open : cursor;
      const available = close.toMillis() - from.toMillis();
      if (remaining <= available) return new Date(from.toMillis() + remaining);
      remaining -= available;
    }
    cursor = cursor.plus({ days: 1 }).startOf('day');
  }
  throw new RangeError(`${minutes} working minutes do not fit in ${MAX_DAYS_SCANNED} days.`);
}
