import { lastTwelveMonths } from './period';

describe('default period', () => {
  it('runs from the first of the month eleven months ago to today, in the territory’s days', () => {
    expect(lastTwelveMonths(new Date('2026-03-15T10:00:00Z'), 'Europe/Paris')).toEqual({ from: '2025-04-01', to: '2026-03-15' });
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(lastTwelveMonths(new Date('2025-12-31T23:30:00Z'), 'Europe/Paris')).toEqual({ from: '2025-02-01', to: '2026-01-01' });
  });
});
