import {
  birthDateProblem,
  isBlank,
  isValidEmail,
  isValidFrenchPhone,
  isValidFrenchPostalCode,
  isValidRpps,
  normalizeFrenchPhone,
  problemsByField,
  requestDateProblem,
} from './field-validation';

describe('isBlank', () => {
  it.each([undefined, null, '', '   ', '\t\n'])('counts %p as empty', (value) => expect(isBlank(value)).toBe(true));
  it.each(['a', 0, false, []])('counts %p as filled in', (value) => expect(isBlank(value)).toBe(false));
});

describe('isValidRpps', () => {
  it('wants exactly 11 digits', () => {
    expect(isValidRpps('10101234567')).toBe(true);
    expect(isValidRpps(' 10101234567 ')).toBe(true);
    expect(isValidRpps('1010123456')).toBe(false);
    expect(isValidRpps('101012345678')).toBe(false);
    expect(isValidRpps('1010123456A')).toBe(false);
    expect(isValidRpps(10101234567)).toBe(false);
  });
});

describe('normalizeFrenchPhone', () => {
  it.each([
    ['06 12 34 56 78', '+33612345678'],
    ['06.12.34.56.78', '+33612345678'],
    ['0612345678', '+33612345678'],
    ['+33 6 12 34 56 78', '+33612345678'],
    ['+33 (0)6 12 34 56 78', '+33612345678'],
    ['0033 6 12 34 56 78', '+33612345678'],
    ['02-51-12-34-56', '+33251123456'],
    ['0262 12 34 56', '+33262123456'],
  ])('reads %p as %s', (value, expected) => {
    expect(normalizeFrenchPhone(value)).toBe(expected);
    expect(isValidFrenchPhone(value)).toBe(true);
  });

  it.each(['00 12 34 56 78', '06 12 34 56 7', '06 12 34 56 789', '+44 20 7946 0958', '15', 'zéro six', 612345678])(
    'refuses %p',
    (value) => {
      expect(normalizeFrenchPhone(value)).toBeNull();
    },
  );
});

describe('isValidEmail', () => {
  it('accepts ordinary addresses and refuses obvious mistakes', () => {
    expect(isValidEmail('paul.durand@example.fr')).toBe(true);
    expect(isValidEmail('paul.durand@example')).toBe(false);
    expect(isValidEmail('paul durand@example.fr')).toBe(false);
    expect(isValidEmail('paul@@example.fr')).toBe(false);
  });
});

describe('isValidFrenchPostalCode', () => {
  it('wants five digits', () => {
    expect(isValidFrenchPostalCode('85000')).toBe(true);
    expect(isValidFrenchPostalCode('20000')).toBe(true);
    expect(isValidFrenchPostalCode('2A000')).toBe(false);
    expect(isValidFrenchPostalCode('8500')).toBe(false);
  });
});

describe('birthDateProblem', () => {
  const today = '2026-03-27';

  it('accepts a past date and today (a newborn)', () => {
    expect(birthDateProblem('1958-06-14', today)).toBeNull();
    expect(birthDateProblem(today, today)).toBeNull();
  });

  it('refuses a date in the future', () => {
    expect(birthDateProblem('2026-03-28', today)).toMatch(/futur/);
  });

  it('refuses a date that is not a real day or not ISO', () => {
    expect(birthDateProblem('1958-02-30', today)).toMatch(/aaaa-mm-jj/);
    expect(birthDateProblem('14/06/1958', today)).toMatch(/aaaa-mm-jj/);
  });

  it('refuses an age over 130 years, a typo in the year', () => {
    expect(birthDateProblem('1895-03-28', today)).toBeNull();
    expect(birthDateProblem('1895-03-27', today)).toMatch(/invraisemblable/);
  });
});

describe('requestDateProblem', () => {
  it('refuses a request dated tomorrow', () => {
    expect(requestDateProblem('2026-03-27', '2026-03-27')).toBeNull();
    expect(requestDateProblem('2026-03-28', '2026-03-27')).toMatch(/futur/);
  });
});

describe('problemsByField', () => {
  it('groups messages by field, keeping their order', () => {
    expect(
      problemsByField([
        { field: 'doctor.rpps', message: 'a' },
        { field: 'patient.phone', message: 'b' },
        { field: 'doctor.rpps', message: 'c' },
      ]),
    ).toEqual({ 'doctor.rpps': ['a', 'c'], 'patient.phone': ['b'] });
  });
});
