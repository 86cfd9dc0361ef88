import { endOfDay, startOfDay } from './start-of-day';

describe('startOfDay / endOfDay', () => {
  it('follows the zone’s offset in winter and in summer', () => {
    expect(startOfDay('2026-01-15', 'Europe/Paris').toISOString()).toBe('2026-01-14T23:00:00.000Z');
    expect(startOfDay('2026-07-15', 'Europe/Paris').toISOString()).toBe('2026-07-14T22:00:00.000Z');
    expect(startOfDay('2026-07-15', 'UTC').toISOString()).toBe('2026-07-15T00:00:00.000Z');
  });

  it('ends a day at the next midnight, across a daylight-saving change', () => {
    // 29 March 2026 in Paris lasts 23 hours.
    expect(startOfDay('2026-03-29', 'Europe/Paris').toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(endOfDay('2026-03-29', 'Europe/Paris').toISOString()).toBe('2026-03-29T22:00:00.000Z');
    expect(endOfDay('2026-12-31', 'Europe/Paris').toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });
});
