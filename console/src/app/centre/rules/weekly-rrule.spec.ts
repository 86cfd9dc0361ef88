import { describeDays, rruleDays, weeklyRrule } from './weekly-rrule';

describe('weekly rules', () => {
  it('writes the days in the week’s order, and every day as daily', () => {
    expect(weeklyRrule(['FR', 'MO', 'WE'])).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
    expect(weeklyRrule(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'])).toBe('FREQ=DAILY');
  });

  it('reads back the days of simple rules only', () => {
    expect(rruleDays('FREQ=WEEKLY;BYDAY=TU,TH')).toEqual(['TU', 'TH']);
    expect(rruleDays('FREQ=DAILY')).toHaveLength(7);
    expect(rruleDays('FREQ=MONTHLY;BYMONTHDAY=1')).toBeNull();
  });

  it('describes them in French', () => {
    expect(describeDays('FREQ=WEEKLY;BYDAY=MO,WE,FR')).toBe('Lundi, Mercredi, Vendredi');
    expect(describeDays('FREQ=DAILY')).toBe('Tous les jours');
  });
});
