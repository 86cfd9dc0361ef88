/** RFC 5545 weekdays, Monday first, with their French initials. */
export const WEEKDAYS = [
  { code: 'MO', label: 'Lundi' },
  { code: 'TU', label: 'Mardi' },
  { code: 'WE', label: 'Mercredi' },
  { code: 'TH', label: 'Jeudi' },
  { code: 'FR', label: 'Vendredi' },
  { code: 'SA', label: 'Samedi' },
  { code: 'SU', label: 'Dimanche' },
] as const;

export type Weekday = (typeof WEEKDAYS)[number]['code'];

/** Every day is FREQ=DAILY; some days are FREQ=WEEKLY;BYDAY=…, in the week's order. */
export function weeklyRrule(days: readonly Weekday[]): string {
  const ordered = WEEKDAYS.map((day) => day.code).filter((code) => days.includes(code));
  return ordered.length === WEEKDAYS.length ? 'FREQ=DAILY' : `FREQ=WEEKLY;BYDAY=${ordered.join(',')}`;
}

/** The days a simple daily or weekly rule recurs on; null for any other rule (kept as written). */
export function rruleDays(rrule: string): Weekday[] | null {
  const parts = new Map(rrule.split(';').map((part) => part.split('=') as [string, string]));
  if (parts.get('FREQ') === 'DAILY' && parts.size === 1) return WEEKDAYS.map((day) => day.code);
  const byDay = parts.get('BYDAY');
  if (parts.get('FREQ') !== 'WEEKLY' || parts.size !== 2 || !byDay) return null;
  const days = byDay.split(',');
  return days.every((day) => WEEKDAYS.some((w) => w.code === day)) ? (days as Weekday[]) : null;
}

/** `Lundi, Mercredi, Vendredi` or `Tous les jours`. */
export function describeDays(rrule: string): string {
  const days = rruleDays(rrule);
  if (!days) return rrule;
  if (days.length === WEEKDAYS.length) return 'Tous les jours';
  return WEEKDAYS.filter((day) => days.includes(day.code))
    .map((day) => day.label)
    .join(', ');
}
