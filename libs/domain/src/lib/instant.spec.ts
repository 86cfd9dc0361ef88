import { epochMs } from './instant';

describe('epochMs', () => {
  it('reads a Date and an ISO string with offset alike', () => {
    expect(epochMs(new Date('2026-03-29T09:00:00Z'))).toBe(epochMs('2026-03-29T11:00:00+02:00'));
  });

  it('throws on a value that is not an instant rather than compare as NaN', () => {
    expect(() => epochMs('demain')).toThrow(RangeError);
    expect(() => epochMs(new Date(Number.NaN))).toThrow(RangeError);
  });
});
