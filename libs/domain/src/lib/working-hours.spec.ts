import { addWorkingMinutes, DEFAULT_WORKING_HOURS } from './working-hours';

const FOUR_HOURS = 240;
const paris = (local: string) => new Date(local); // the literals below carry their Paris offset

describe('working hours', () => {
  it.each([
    ['within one day', '2026-11-24T09:00:00+01:00', '2026-11-24T13:00:00+01:00'],
    ['before opening: the clock starts at 08:00', '2026-11-24T06:30:00+01:00', '2026-11-24T12:00:00+01:00'],
    ['across the evening', '2026-11-24T16:00:00+01:00', '2026-11-25T10:00:00+01:00'],
    ['after closing', '2026-11-24T19:00:00+01:00', '2026-11-25T12:00:00+01:00'],
    ['across the weekend', '2026-11-20T16:00:00+01:00', '2026-11-23T10:00:00+01:00'],
    ['from a Saturday', '2026-11-21T11:00:00+01:00', '2026-11-23T12:00:00+01:00'],
    ['ending exactly at closing', '2026-11-24T14:00:00+01:00', '2026-11-24T18:00:00+01:00'],
  ])('4 working hours %s', (_case, start, due) => {
    expect(addWorkingMinutes(paris(start), FOUR_HOURS).toISOString()).toBe(paris(due).toISOString());
  });

  it('keeps local opening hours across the DST change (Friday before, Monday after)', () => {
    expect(addWorkingMinutes(paris('2026-10-23T17:00:00+02:00'), FOUR_HOURS).toISOString()).toBe(
      paris('2026-10-26T11:00:00+01:00').toISOString(),
    );
  });

  it('counts public holidays as working days (no holiday calendar)', () => {
    expect(addWorkingMinutes(paris('2026-12-24T17:00:00+01:00'), FOUR_HOURS).toISOString()).toBe(
      paris('2026-12-25T11:00:00+01:00').toISOString(),
    );
  });

  it('follows another calendar', () => {
    const saturdays = { ...DEFAULT_WORKING_HOURS, days: [6], opens: '09:00', closes: '12:00' };
    expect(addWorkingMinutes(paris('2026-11-24T10:00:00+01:00'), FOUR_HOURS, saturdays).toISOString()).toBe(
      paris('2026-12-05T10:00:00+01:00').toISOString(),
    );
  });

  it('adds nothing for zero minutes', () => {
    const start = paris('2026-11-22T03:00:00+01:00');
    expect(addWorkingMinutes(start, 0)).toBe(start);
  });

  it.each([
    ['a negative delay', -1, DEFAULT_WORKING_HOURS],
    ['a delay that is not a number', Number.NaN, DEFAULT_WORKING_HOURS],
    ['a calendar without a working day', 60, { ...DEFAULT_WORKING_HOURS, days: [] }],
    ['a day closing before it opens', 60, { ...DEFAULT_WORKING_HOURS, opens: '18:00', closes: '08:00' }],
    ['an unknown time zone', 60, { ...DEFAULT_WORKING_HOURS, timezone: 'Mars/Olympus' }],
  ])('refuses %s', (_case, minutes, hours) => {
    expect(() => addWorkingMinutes(new Date(), minutes, hours)).toThrow(RangeError);
  });
});
