import { isIsoDate, localDateOf, parseIsoDate, yearsBetween } from './calendar-date';

describe('parseIsoDate', () => {
  it('reads a real calendar day', () => {
    expect(parseIsoDate('2026-03-29')).toEqual({ year: 2026, month: 3, day: 29 });
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '2026-3-29', '29/03/2026', '2026-03-29T10:00', '', '0099-01-01x'])(
    'refuses %p',
    (value) => {
      expect(parseIsoDate(value)).toBeNull();
      expect(isIsoDate(value)).toBe(false);
    },
  );

  it('keeps years below 100 as they are (Date.UTC would move them to the 1900s)', () => {
    expect(parseIsoDate('0099-01-01')).toEqual({ year: 99, month: 1, day: 1 });
  });

  it('refuses what is not a string', () => {
    expect(isIsoDate(20260329)).toBe(false);
    expect(isIsoDate(null)).toBe(false);
  });
});

describe('localDateOf', () => {
  it('gives the local day in the territory, not the UTC day', () => {
    expect(localDateOf('2026-03-28T23:30:00Z', 'Europe/Paris')).toBe('2026-03-29');
    expect(localDateOf('2026-03-28T23:30:00Z', 'UTC')).toBe('2026-03-28');
  });

  it('throws on an unknown zone', () => {
    expect(() => localDateOf(new Date(), 'Europe/Lutece')).toThrow(RangeError);
  });
});

describe('yearsBetween', () => {
  it.each([
    ['1958-06-14', '2026-06-13', 67],
    ['1958-06-14', '2026-06-14', 68],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
  ])('from %s to %s is %i whole years', (from, to, years) => {
    expect(yearsBetween(from, to)).toBe(years);
  });
});
