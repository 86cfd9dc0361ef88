import type { FieldProblem } from '@creneau/contracts';

import { parseIsoDate, yearsBetween } from './calendar-date';

/** Empty as far as a form is concerned: absent, null, or only blanks. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** RPPS: the 11-digit national identifier of health professionals. */
export function isValidRpps(value: unknown): boolean {
  return typeof value === 'string' && /^\d{11}$/.test(value.trim());
}

/**
 * A French number in E.164 ('+33612345678'), or null. Accepts the usual ways of writing it:
 * '06 12 34 56 78', '06.12.34.56.78', '+33 6 12 34 56 78', '+33 (0)6 12 34 56 78', '0033 6 12 34 56 78'.
 * Overseas departments use the same 10-digit national numbering, so '0262 ...' passes too.
 */
export function normalizeFrenchPhone(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const compact = value.replace(/[\s.\-()]/g, '');
  const national = /^(?:0|\+33|0033|\+330)([1-9]\d{8})$/.exec(compact);
  return national ? `+33${national[1]}` : null;
}

export function isValidFrenchPhone(value: unknown): boolean {
  return normalizeFrenchPhone(value) !== null;
}

/** Deliberately loose: one @, no blanks, a dot in the domain. Deliverability is checked by sending. */
export function isValidEmail(value: unknown): boolean {
  return typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Five digits (Corsica included: 20000-20620). */
export function isValidFrenchPostalCode(value: unknown): boolean {
  return typeof value === 'string' && /^\d{5}$/.test(value.trim());
}

/** Oldest plausible age: anything older is a typing mistake in the year. */
export const MAX_PLAUSIBLE_AGE_YEARS = 130;

/** What is wrong with a birth date, or null; `today` is the territory's local date. */
export function birthDateProblem(value: unknown, today: string): string | null {
  if (!parseIsoDate(value)) return 'Date attendue au format aaaa-mm-jj.';
  const birthDate = value as string;
  if (birthDate > today) return 'La date de naissance ne peut pas être dans le futur.';
  if (yearsBetween(birthDate, today) > MAX_PLAUSIBLE_AGE_YEARS) {
    return `Date de naissance invraisemblable (plus de ${MAX_PLAUSIBLE_AGE_YEARS} ans).`;
  }
  return null;
}

/** What is wrong with the date a request was written, or null. */
export function requestDateProblem(value: unknown, today: string): string | null {
  if (!parseIsoDate(value)) return 'Date attendue au format aaaa-mm-jj.';
  return (value as string) > today ? 'La date de la demande ne peut pas être dans le futur.' : null;
}

/** Problems grouped by field, in the shape of a 400's `fields` (ValidationErrorBody). */
export function problemsByField(problems: readonly FieldProblem[]): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const { field, message } of problems) (byField[field] ??= []).push(message);
  return byField;
}
