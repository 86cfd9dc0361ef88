import type { RecurringRuleSpec } from '@creneau/contracts';
import fc from 'fast-check';
import { DateTime } from 'luxon';

import { expandRule } from './recurrence';

const DAY_MS = 86_400_000;
// Zones with a 1 h change either way of the equator, a 30-minute change (Lord Howe), and none at all.
const ZONES = ['Europe/Paris', 'America/New_York', 'Pacific/Auckland', 'Australia/Lord_Howe', 'Indian/Reunion', 'UTC'];
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const pad = (value: number) => String(value).padStart(2, '0');
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const arbitraryDate = (from: string, to: string) =>
  fc.integer({ min: Date.parse(from) / DAY_MS, max: Date.parse(to) / DAY_MS }).map((day) => isoDate(day * DAY_MS));

// Times in the small hours are over-represented: that is where the DST gaps and overlaps are.
const arbitraryStartLocal = fc
  .oneof(
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })),
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 59 })),
  )
  .map(([hour, minute]) => `${pad(hour)}:${pad(minute)}`);

const arbitraryRrule = fc.oneof(
  fc.integer({ min: 1, max: 3 }).map((interval) => `FREQ=DAILY;INTERVAL=${interval}`),
  fc.subarray(WEEKDAYS, { minLength: 1 }).map((days) => `FREQ=WEEKLY;BYDAY=${days.join(',')}`),
  fc.integer({ min: 1, max: 28 }).map((day) => `FREQ=MONTHLY;BYMONTHDAY=${day}`),
  fc.integer({ min: 1, max: 40 }).map((count) => `FREQ=DAILY;COUNT=${count}`),
  fc.constant('FREQ=WEEKLY;BYDAY=SU;UNTIL=20261231T235959Z'),
);

const arbitrarySpec: fc.Arbitrary<RecurringRuleSpec> = fc
  .record({
    rrule: arbitraryRrule,
    startLocal: arbitraryStartLocal,
    durationMinutes: fc.integer({ min: 5, max: 240 }),
    validFrom: arbitraryDate('2025-10-01', '2026-12-31'),
    validForDays: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    timezone: fc.constantFrom(...ZONES),
    exceptions: fc.array(arbitraryDate('2025-10-01', '2027-06-30'), { maxLength: 20 }),
  })
  .map(({ validForDays, ...spec }) => ({
    ...spec,
    validUntil: validForDays === null ? null : isoDate(Date.parse(spec.validFrom) + validForDays * DAY_MS),
  }));

const arbitraryWindow = fc
  .tuple(fc.integer({ min: Date.parse('2025-09-01'), max: Date.parse('2027-06-30') }), fc.integer({ min: 0, max: 120 * DAY_MS }))
  .map(([from, length]) => ({ from: new Date(from), to: new Date(from + length) }));

/** Whether a wall time exists on a local date in a zone (luxon moves a skipped time forward, so it reads back different). */
function exists(date: string, time: string, zone: string): boolean {
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  return local.toFormat('yyyy-MM-dd HH:mm') === `${date} ${time}`;
}

/** An oracle independent of the implementation: luxon's reading, made to take the first of two readings in autumn. */
function expectedStart(date: string, time: string, zone: string): number {
  const local = DateTime.fromISO(`${date}T${time}`, { zone });
  if (!exists(date, time, zone)) return local.toMillis(); // luxon already moves forward by the gap, as RFC 5545 does
  const readings = [0, 30, 60, 120]
    .map((minutes) => local.toMillis() - minutes * 60_000)
    .filter((ms) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm') === `${date} ${time}`);
  return Math.min(...readings);
}

describe('recurrence properties', () => {
  it('keeps the local wall time, moves only skipped times, stays in [from, to), strictly increasing', () => {
    fc.assert(
      fc.property(arbitrarySpec, arbitraryWindow, (spec, { from, to }) => {
        const occurrences = expandRule(spec, from, to);
        let previous = Number.NEGATIVE_INFINITY;
        for (const { start, end, localDate } of occurrences) {
          const wall = DateTime.fromJSDate(start, { zone: spec.timezone });
          expect(wall.toISODate()).toBe(localDate);
          if (exists(localDate, spec.startLocal, spec.timezone)) {
            expect(wall.toFormat('HH:mm')).toBe(spec.startLocal);
          } else {
            expect(wall.toFormat('HH:mm') > spec.startLocal).toBe(true);
          }
          expect(start.getTime()).toBeGreaterThan(previous);
          expect(start.getTime()).toBeGreaterThanOrEqual(from.getTime());
          expect(start.getTime()).toBeLessThan(to.getTime());
          expect(end.getTime() - start.getTime()).toBe(spec.durationMinutes * 60_000);
          expect(spec.exceptions).not.toContain(localDate);
          expect(localDate >= spec.validFrom).toBe(true);
          if (spec.validUntil) expect(localDate <= spec.validUntil).toBe(true);
          previous = start.getTime();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('places every occurrence where an independent luxon oracle does (gap: forward; overlap: first)', () => {
    fc.assert(
      fc.property(arbitrarySpec, arbitraryWindow, (spec, { from, to }) => {
        for (const { start, localDate } of expandRule(spec, from, to)) {
          expect(start.getTime()).toBe(expectedStart(localDate, spec.startLocal, spec.timezone));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('finds for a daily rule exactly the days a day-by-day walk finds', () => {
    const daily = arbitrarySpec.map((spec) => ({ ...spec, rrule: 'FREQ=DAILY' }));
    fc.assert(
      fc.property(daily, arbitraryWindow, (spec, { from, to }) => {
        const expected: string[] = [];
        // Only days near the window can start in it: no zone is more than 14 h from UTC.
        const first = Math.max(Date.parse(spec.validFrom), from.getTime() - 2 * DAY_MS);
        const last = Math.min(Date.parse(spec.validUntil ?? '2027-12-31'), to.getTime() + 2 * DAY_MS);
        for (let day = first - (first % DAY_MS); day <= last; day += DAY_MS) {
          const date = isoDate(day);
          if (date < spec.validFrom) continue;
          const start = expectedStart(date, spec.startLocal, spec.timezone);
          if (!spec.exceptions?.includes(date) && start >= from.getTime() && start < to.getTime()) expected.push(date);
        }
        expect(expandRule(spec, from, to).map((occurrence) => occurrence.localDate)).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('gives the same occurrences for a window as for its two halves put together', () => {
    fc.assert(
      fc.property(arbitrarySpec, arbitraryWindow, fc.double({ min: 0, max: 1, noNaN: true }), (spec, { from, to }, cut) => {
        const middle = new Date(from.getTime() + Math.floor((to.getTime() - from.getTime()) * cut));
        expect([...expandRule(spec, from, middle), ...expandRule(spec, middle, to)]).toEqual(expandRule(spec, from, to));
      }),
      { numRuns: 200 },
    );
  });
});
