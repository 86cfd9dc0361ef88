import type { RecurringRuleSpec } from '@creneau/contracts';

import { expandRule, validateRule } from './recurrence';

const rule = (changes: Partial<RecurringRuleSpec> = {}): RecurringRuleSpec => ({
  rrule: 'FREQ=DAILY',
  startLocal: '11:00',
  durationMinutes: 20,
  validFrom: '2026-01-01',
  timezone: 'Europe/Paris',
  ...changes,
});
const starts = (spec: RecurringRuleSpec, from: string, to: string) =>
  expandRule(spec, new Date(from), new Date(to)).map((occurrence) => occurrence.start.toISOString());

describe('expandRule', () => {
  describe('across the spring change (Sunday 29 March 2026)', () => {
    it('keeps a weekly Sunday 11:00 slot at 11:00 local: 10:00Z before, 09:00Z from the change', () => {
      expect(starts(rule({ rrule: 'FREQ=WEEKLY;BYDAY=SU' }), '2026-03-20T00:00:00Z', '2026-04-06T00:00:00Z')).toEqual([
        '2026-03-22T10:00:00.000Z',
        '2026-03-29T09:00:00.000Z',
        '2026-04-05T09:00:00.000Z',
      ]);
    });

    it('moves a 02:30 slot, a time that does not exist on 29 March, forward by the gap to 03:30 local', () => {
      expect(starts(rule({ startLocal: '02:30' }), '2026-03-28T00:00:00Z', '2026-03-31T00:00:00Z')).toEqual([
        '2026-03-28T01:30:00.000Z', // 02:30+01:00
        '2026-03-29T01:30:00.000Z', // 03:30+02:00
        '2026-03-30T00:30:00.000Z', // 02:30+02:00
      ]);
    });

    it('keeps durations in elapsed time: a slot at 01:30 for 60 min ends at 03:30 local, one real hour later', () => {
      const [occurrence] = expandRule(
        rule({ startLocal: '01:30', durationMinutes: 60 }),
        new Date('2026-03-29T00:00:00Z'),
        new Date('2026-03-29T12:00:00Z'),
      );
      expect(occurrence.start.toISOString()).toBe('2026-03-29T00:30:00.000Z');
      expect(occurrence.end.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    });
  });

  describe('across the autumn change (Sunday 25 October 2026)', () => {
    it('keeps a weekly Sunday 11:00 slot at 11:00 local: 09:00Z before, 10:00Z from the change', () => {
      expect(starts(rule({ rrule: 'FREQ=WEEKLY;BYDAY=SU' }), '2026-10-15T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
        '2026-10-18T09:00:00.000Z',
        '2026-10-25T10:00:00.000Z',
        '2026-11-01T10:00:00.000Z',
      ]);
    });

    it('takes the first of the two 02:30 on 25 October, and never generates the slot twice', () => {
      expect(starts(rule({ startLocal: '02:30' }), '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z')).toEqual([
        '2026-10-24T00:30:00.000Z', // 02:30+02:00
        '2026-10-25T00:30:00.000Z', // first 02:30, +02:00
        '2026-10-26T01:30:00.000Z', // 02:30+01:00
      ]);
    });
  });

  it('follows a weekly BYDAY rule in local time and gives each occurrence its local date and end', () => {
    const spec = rule({ rrule: 'FREQ=WEEKLY;BYDAY=MO,TH', startLocal: '08:30', durationMinutes: 15 });
    expect(expandRule(spec, new Date('2026-03-23T00:00:00+01:00'), new Date('2026-03-30T00:00:00+02:00'))).toEqual([
      { start: new Date('2026-03-23T08:30:00+01:00'), end: new Date('2026-03-23T08:45:00+01:00'), localDate: '2026-03-23' },
      { start: new Date('2026-03-26T08:30:00+01:00'), end: new Date('2026-03-26T08:45:00+01:00'), localDate: '2026-03-26' },
    ]);
  });

  it('names the local date, not the UTC one, for an early-morning slot', () => {
    const [occurrence] = expandRule(
      rule({ startLocal: '00:30' }),
      new Date('2026-06-10T00:00:00+02:00'),
      new Date('2026-06-11T00:00:00+02:00'),
    );
    expect(occurrence.start.toISOString()).toBe('2026-06-09T22:30:00.000Z');
    expect(occurrence.localDate).toBe('2026-06-10');
  });

  it('skips the exception dates (EXDATE, local dates)', () => {
    const spec = rule({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', exceptions: ['2026-04-06', '2026-04-10'] });
    expect(expandRule(spec, new Date('2026-04-06T00:00:00Z'), new Date('2026-04-13T00:00:00Z')).map((o) => o.localDate)).toEqual([
      '2026-04-08',
    ]);
  });

  it('counts COUNT from validFrom, even when the window starts later, with exceptions still using up the count', () => {
    const spec = rule({ rrule: 'FREQ=DAILY;COUNT=5', validFrom: '2026-03-27', exceptions: ['2026-03-28'] });
    expect(expandRule(spec, new Date('2026-03-01T00:00:00Z'), new Date('2026-05-01T00:00:00Z')).map((o) => o.localDate)).toEqual([
      '2026-03-27',
      '2026-03-29',
      '2026-03-30',
      '2026-03-31',
    ]);
    expect(expandRule(spec, new Date('2026-03-30T00:00:00Z'), new Date('2026-05-01T00:00:00Z')).map((o) => o.localDate)).toEqual([
      '2026-03-30',
      '2026-03-31',
    ]);
  });

  describe('UNTIL', () => {
    const window = ['2026-04-27T00:00:00Z', '2026-05-05T00:00:00Z'] as const;
    const dates = (rrule: string) =>
      expandRule(rule({ rrule }), new Date(window[0]), new Date(window[1])).map((o) => o.localDate);

    it('includes the whole local day of a bare date', () => {
      expect(dates('FREQ=DAILY;UNTIL=20260430')).toEqual(['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30']);
    });

    it('reads a UTC date-time as an instant: 09:00Z is 11:00 in Paris, so the 11:00 slot that day is kept', () => {
      expect(dates('FREQ=DAILY;UNTIL=20260430T090000Z')).toEqual(['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30']);
      expect(dates('FREQ=DAILY;UNTIL=20260430T085959Z')).toEqual(['2026-04-27', '2026-04-28', '2026-04-29']);
    });

    it('reads a date-time without Z as local time', () => {
      expect(dates('FREQ=DAILY;UNTIL=20260430T110000')).toEqual(['2026-04-27', '2026-04-28', '2026-04-29', '2026-04-30']);
      expect(dates('FREQ=DAILY;UNTIL=20260430T105900')).toEqual(['2026-04-27', '2026-04-28', '2026-04-29']);
    });
  });

  it('stops at validUntil, inclusive, and starts at validFrom', () => {
    const spec = rule({ validFrom: '2026-04-28', validUntil: '2026-04-30' });
    expect(expandRule(spec, new Date('2026-04-01T00:00:00Z'), new Date('2026-06-01T00:00:00Z')).map((o) => o.localDate)).toEqual([
      '2026-04-28',
      '2026-04-29',
      '2026-04-30',
    ]);
  });

  it('keeps the window half-open: an occurrence starting at `to` is left out, one at `from` is kept', () => {
    expect(starts(rule(), '2026-04-28T09:00:00Z', '2026-04-29T09:00:00Z')).toEqual(['2026-04-28T09:00:00.000Z']);
  });

  it('returns nothing for an empty or reversed window', () => {
    expect(starts(rule(), '2026-04-28T00:00:00Z', '2026-04-28T00:00:00Z')).toEqual([]);
    expect(starts(rule(), '2026-04-29T00:00:00Z', '2026-04-28T00:00:00Z')).toEqual([]);
  });

  it('accepts the "RRULE:" prefix and monthly rules', () => {
    const spec = rule({ rrule: 'RRULE:FREQ=MONTHLY;BYDAY=1TU' });
    expect(starts(spec, '2026-03-01T00:00:00Z', '2026-06-01T00:00:00Z')).toEqual([
      '2026-03-03T10:00:00.000Z',
      '2026-04-07T09:00:00.000Z',
      '2026-05-05T09:00:00.000Z',
    ]);
  });

  it('gives the same instants whatever the machine’s own time zone', () => {
    const saved = process.env['TZ'];
    const spec = rule({ rrule: 'FREQ=WEEKLY;BYDAY=SU', startLocal: '02:30' });
    const expected = starts(spec, '2026-03-01T00:00:00Z', '2026-11-30T00:00:00Z');
    try {
      for (const tz of ['America/New_York', 'Asia/Tokyo', 'Europe/Paris', 'UTC']) {
        process.env['TZ'] = tz;
        expect(starts(spec, '2026-03-01T00:00:00Z', '2026-11-30T00:00:00Z')).toEqual(expected);
      }
    } finally {
      process.env['TZ'] = saved;
    }
  });

  it('refuses to expand an invalid rule', () => {
    expect(() => expandRule(rule({ timezone: 'Europe/Lutece' }), new Date(), new Date())).toThrow(/timezone/);
  });
});

describe('validateRule', () => {
  it('finds nothing wrong with a sound rule', () => {
    expect(
      validateRule(
        rule({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=10', validUntil: '2026-12-31', exceptions: ['2026-05-01'] }),
      ),
    ).toEqual([]);
  });

  it('refuses at once a rule that could never produce a slot, which rrule would search for until the year 9999', () => {
    const impossible = rule({ rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31' });
    const started = Date.now();
    expect(validateRule(impossible)).not.toEqual([]);
    expect(() => expandRule(impossible, new Date('2026-01-01'), new Date('2026-12-31'))).toThrow(RangeError);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('reports every problem at once, by field', () => {
    const problems = validateRule({
      rrule: 'FREQ=SOMETIMES',
      startLocal: '25:00',
      durationMinutes: 0,
      validFrom: '2026-04-31',
      validUntil: '31/12/2026',
      timezone: 'Paris',
      exceptions: ['2026-05-01', '8 mai'],
    });
    expect(problems.map((problem) => problem.field)).toEqual([
      'rrule',
      'startLocal',
      'durationMinutes',
      'validFrom',
      'validUntil',
      'timezone',
      'exceptions',
    ]);
    expect(problems[0].message).toBe('Partie illisible dans la règle : « FREQ=SOMETIMES ».');
    expect(problems[6].message).toContain('8 mai');
  });

  it('refuses validUntil before validFrom', () => {
    expect(validateRule(rule({ validFrom: '2026-05-01', validUntil: '2026-04-30' }))).toEqual([
      { field: 'validUntil', message: 'La date de fin précède la date de début.' },
    ]);
  });

  it.each([
    ['', /À renseigner/],
    ['BYDAY=MO', /Fréquence manquante/],
    ['FREQ=DAILY;FOO=1', /« FOO=1 »/],
    ['FREQ=WEEKLY;BYDAY=XX', /« BYDAY=XX »/],
    ['FREQ=DAILY;INTERVAL=0', /« INTERVAL=0 »/],
    ['FREQ=DAILY;INTERVAL=abc', /« INTERVAL=abc »/],
    ['FREQ=DAILY;COUNT=-1', /« COUNT=-1 »/],
    ['FREQ=MONTHLY;BYMONTHDAY=32', /« BYMONTHDAY=32 »/],
    ['FREQ=YEARLY;BYMONTH=13', /« BYMONTH=13 »/],
    ['FREQ=DAILY;', /Point-virgule en trop/],
    ['FREQ=HOURLY', /infra-journalière/],
    ['FREQ=DAILY;BYHOUR=10,14', /BYHOUR/],
    ['FREQ=DAILY;COUNT=3;UNTIL=20261231', /COUNT et UNTIL/],
    ['FREQ=DAILY;TZID=Europe/Paris', /DTSTART et TZID/],
    ['DTSTART:20260101T100000Z\nRRULE:FREQ=DAILY', /Une seule ligne/],
    ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', /Non pris en charge pour des créneaux : BYSETPOS/],
    ['FREQ=YEARLY;BYWEEKNO=20;BYYEARDAY=100', /BYYEARDAY, BYWEEKNO/],
    ['FREQ=WEEKLY;BYDAY=1MO', /FREQ=MONTHLY ou YEARLY/],
    ['FREQ=MONTHLY;BYDAY=6MO', /au plus 5 semaines/],
    ['FREQ=YEARLY;BYMONTH=3;BYDAY=-6FR', /au plus 5 semaines/],
    ['FREQ=MONTHLY;BYDAY=1MO;BYMONTHDAY=20', /ne se combine pas avec BYMONTHDAY/],
    ['FREQ=DAILY;INTERVAL=7;BYDAY=MO', /utilisez FREQ=WEEKLY/],
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', /Aucun jour ne correspond/],
    ['FREQ=YEARLY;BYMONTH=4,6,9,11;BYMONTHDAY=31,-31', /Aucun jour ne correspond/],
  ])('refuses the RRULE %p', (rrule, message) => {
    const problems = validateRule(rule({ rrule }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.field === 'rrule')).toBe(true);
    expect(problems.map((problem) => problem.message).join(' ')).toMatch(message);
  });

  it.each([
    'FREQ=MONTHLY;BYMONTHDAY=-1',
    'FREQ=MONTHLY;BYDAY=-1FR',
    'FREQ=YEARLY;BYMONTH=11;BYDAY=4TH',
    'FREQ=YEARLY;BYDAY=20MO',
    'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29',
    'FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR',
    'FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR',
    'freq=weekly;byday=mo',
  ])('accepts the RRULE %p', (rrule) => {
    expect(validateRule(rule({ rrule }))).toEqual([]);
  });
});
