import { instantToWallTime, isKnownTimeZone, parseLocalTime, wallTimeToInstant } from './local-time';

const paris = 'Europe/Paris';
const at = (date: string, time: string) => {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return { year, month, day, hour, minute };
};

describe('wallTimeToInstant', () => {
  it('keeps 11:00 in Paris at 10:00Z in winter and 09:00Z in summer', () => {
    expect(wallTimeToInstant(at('2026-03-28', '11:00'), paris).toISOString()).toBe('2026-03-28T10:00:00.000Z');
    expect(wallTimeToInstant(at('2026-03-29', '11:00'), paris).toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(wallTimeToInstant(at('2026-10-25', '11:00'), paris).toISOString()).toBe('2026-10-25T10:00:00.000Z');
  });

  it('moves a time skipped on 29 March 2026 forward by the gap: 02:30 is read with +01:00, i.e. 03:30+02:00', () => {
    const instant = wallTimeToInstant(at('2026-03-29', '02:30'), paris);
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantToWallTime(instant, paris)).toEqual(at('2026-03-29', '03:30'));
  });

  it('puts the first instant of the gap at the change itself', () => {
    expect(wallTimeToInstant(at('2026-03-29', '02:00'), paris).toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('takes the first of the two 02:30 on 25 October 2026 (summer time, +02:00)', () => {
    expect(wallTimeToInstant(at('2026-10-25', '02:30'), paris).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads the times either side of the overlap without ambiguity', () => {
    expect(wallTimeToInstant(at('2026-10-25', '01:59'), paris).toISOString()).toBe('2026-10-24T23:59:00.000Z');
    expect(wallTimeToInstant(at('2026-10-25', '03:00'), paris).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('follows the same rules elsewhere (New York, 8 March and 1 November 2026)', () => {
    const newYork = 'America/New_York';
    expect(wallTimeToInstant(at('2026-03-08', '02:30'), newYork).toISOString()).toBe('2026-03-08T07:30:00.000Z');
    expect(wallTimeToInstant(at('2026-11-01', '01:30'), newYork).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('is unaffected by the machine’s own time zone', () => {
    const saved = process.env['TZ'];
    try {
      for (const tz of ['UTC', 'Pacific/Auckland', 'America/Los_Angeles']) {
        process.env['TZ'] = tz;
        expect(wallTimeToInstant(at('2026-10-25', '02:30'), paris).toISOString()).toBe('2026-10-25T00:30:00.000Z');
      }
    } finally {
      process.env['TZ'] = saved;
    }
  });

  it('throws on an unknown zone', () => {
    expect(() => wallTimeToInstant(at('2026-03-29', '11:00'), 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('parseLocalTime', () => {
  it.each([
    ['00:00', { hour: 0, minute: 0 }],
    ['11:30', { hour: 11, minute: 30 }],
    ['23:59', { hour: 23, minute: 59 }],
  ])('reads %s', (value, expected) => {
    expect(parseLocalTime(value)).toEqual(expected);
  });

  it.each(['24:00', '9:00', '11h30', '11:60', '', ' 11:00', 1100])('refuses %p', (value) => {
    expect(parseLocalTime(value)).toBeNull();
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA zones only', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('Indian/Reunion')).toBe(true);
    expect(isKnownTimeZone('Europe/Lutece')).toBe(false);
    expect(isKnownTimeZone(undefined)).toBe(false);
  });
});
