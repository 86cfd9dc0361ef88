import { nextPollAt } from './poll-schedule';

describe('nextPollAt', () => {
  const now = new Date('2026-06-01T10:00:00Z');
  const minutesLater = (intervalMinutes: number, failures: number) =>
    (nextPollAt(now, intervalMinutes, failures).getTime() - now.getTime()) / 60_000;

  it('waits the interval after a success', () => {
    expect(minutesLater(15, 0)).toBe(15);
  });

  it('backs off by interval × 2^failures, never beyond a day', () => {
    expect([1, 2, 3, 6, 7].map((failures) => minutesLater(15, failures))).toEqual([30, 60, 120, 960, 1440]);
    expect(minutesLater(15, 1000)).toBe(1440);
  });
});
