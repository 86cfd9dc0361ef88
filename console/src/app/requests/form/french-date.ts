import { isIsoDate } from '@creneau/domain';

/** `14/06/1958`, `14-06-1958`, `14.06.1958`, `14061958` or `1958-06-14` as `1958-06-14`; null when it is no real day. */
export function parseFrenchDate(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  const candidate = iso ? value : french ? `${french[3]}-${french[2].padStart(2, '0')}-${french[1].padStart(2, '0')}` : null;
  return candidate && isIsoDate(candidate) ? candidate : null;
}

/** `1958-06-14` as `14/06/1958`. */
export function formatFrenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}
