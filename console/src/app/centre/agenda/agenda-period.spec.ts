import { agendaPeriod } from './agenda-period';

describe('agendaPeriod', () => {
  it('is one day, midnight to midnight in Paris', () => {
    expect(agendaPeriod('2026-11-24', 'day', 'Europe/Paris')).toEqual({
      days: ['2026-11-24'],
      from: '2026-11-23T23:00:00.000Z',
      to: '2026-11-24T23:00:00.000Z',
    });
  });

  it('is the week from Monday to Sunday', () => {
    const week = agendaPeriod('2026-11-26', 'week', 'Europe/Paris');
    expect(week.days).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(week.to).toBe('2026-11-29T23:00:00.000Z');
  });

  it('keeps Sunday in the week that ends with it', () => {
    expect(agendaPeriod('2026-11-29', 'week', 'Europe/Paris').days[0]).toBe('2026-11-23');
  });
});
