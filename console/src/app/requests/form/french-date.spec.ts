import { formatFrenchDate, parseFrenchDate } from './french-date';

describe('parseFrenchDate', () => {
  it.each([
    ['14/06/1958', '1958-06-14'],
    ['4/6/1958', '1958-06-04'],
    ['14.06.1958', '1958-06-14'],
    ['14061958', '1958-06-14'],
    [' 1958-06-14 ', '1958-06-14'],
  ])('reads %s', (text, iso) => expect(parseFrenchDate(text)).toBe(iso));

  it.each(['30/02/2020', '14/06/58', 'hier', ''])('refuses %s', (text) => expect(parseFrenchDate(text)).toBeNull());

  it('writes dates back the French way', () => expect(formatFrenchDate('1958-06-14')).toBe('14/06/1958'));
});
