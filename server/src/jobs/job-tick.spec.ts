import { tickOf } from './job-tick';

const MINUTE = 60_000;
const HOUR = 3_600_000;

describe('tickOf', () => {
  it('names the period a run falls in', () => {
    expect(tickOf(new Date('2026-11-24T10:42:30Z'), HOUR).toISOString()).toBe('2026-11-24T10:00:00.000Z');
    expect(tickOf(new Date('2026-11-24T10:42:30Z'), MINUTE).toISOString()).toBe('2026-11-24T10:42:00.000Z');
  });

  it('gives a timer firing a little early the tick it was meant for', () => {
    expect(tickOf(new Date('2026-11-24T10:59:59.990Z'), HOUR).toISOString()).toBe('2026-11-24T11:00:00.000Z');
    expect(tickOf(new Date('2026-11-24T10:41:59.500Z'), MINUTE).toISOString()).toBe('2026-11-24T10:42:00.000Z');
  });

  it('refuses a period that is not a positive number of milliseconds', () => {
    expect(() => tickOf(new Date(), 0)).toThrow(RangeError);
    expect(() => tickOf(new Date(), 1.5)).toThrow(RangeError);
  });
});
