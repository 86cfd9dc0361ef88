import { ZonedDate, ZoneOffsets } from './zoned-date';

const PARIS = 'Europe/Paris';

describe('ZoneOffsets', () => {
  it('gives +60 in winter, +120 in summer, and the right side of each changeover instant', () => {
    const offsets = new ZoneOffsets(PARIS);
    expect(offsets.at(Date.parse('2026-01-15T12:00:00Z'))).toBe(60);
    expect(offsets.at(Date.parse('2026-07-15T12:00:00Z'))).toBe(120);
    // Summer time starts on 29 March 2026 at 01:00 UTC and ends on 25 October 2026 at 01:00 UTC.
    expect(offsets.at(Date.parse('2026-03-29T00:59:59Z'))).toBe(60);
    expect(offsets.at(Date.parse('2026-03-29T01:00:00Z'))).toBe(120);
    expect(offsets.at(Date.parse('2026-10-25T00:59:59Z'))).toBe(120);
    expect(offsets.at(Date.parse('2026-10-25T01:00:00Z'))).toBe(60);
  });

  it('agrees with Intl for every quarter hour around a changeover, whatever was asked before', () => {
    const offsets = new ZoneOffsets(PARIS);
    const reference = new ZoneOffsets(PARIS);
    const start = Date.parse('2026-10-24T00:00:00Z');
    for (let instant = start; instant < start + 3 * 86_400_000; instant += 15 * 60_000) {
      const fresh = new ZoneOffsets(PARIS).at(instant);
      expect(offsets.at(instant)).toBe(fresh);
      expect(reference.at(instant + 7 * 60_000)).toBe(new ZoneOffsets(PARIS).at(instant + 7 * 60_000));
    }
  });
});

describe('ZonedDate', () => {
  it('reads the wall clock of its zone and keeps its instant', () => {
    const offsets = new ZoneOffsets(PARIS);
    const summer = new ZonedDate(new Date('2026-10-24T08:30:00Z'), PARIS, offsets);
    const winter = new ZonedDate(new Date('2026-10-26T09:30:00Z'), PARIS, offsets);
    expect([summer.getFullYear(), summer.getMonth(), summer.getDate(), summer.getHours(), summer.getMinutes()]).toEqual([
      2026, 9, 24, 10, 30,
    ]);
    expect([winter.getDate(), winter.getHours(), winter.getDay()]).toEqual([26, 10, 1]);
    expect(summer.getTime()).toBe(Date.parse('2026-10-24T08:30:00Z'));
    expect(summer.tzComponents()).toEqual(['+', '02', '00']);
    expect(winter.getTimezoneOffset()).toBe(-60);
  });

  it('refuses to be read in another zone', () => {
    const date = new ZonedDate(new Date(), PARIS, new ZoneOffsets(PARIS));
    expect(date.withTimeZone(PARIS)).toBe(date);
    expect(date.withTimeZone(null)).toBe(date);
    expect(() => date.withTimeZone('America/Cayenne')).toThrow(RangeError);
  });
});
