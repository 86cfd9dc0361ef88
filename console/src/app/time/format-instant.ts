/** How an instant is written in the console, always in the territory's time zone. */
export type InstantStyle = 'day' | 'short-day' | 'time' | 'day-time' | 'long';

const OPTIONS: Record<InstantStyle, Intl.DateTimeFormatOptions> = {
  day: { weekday: 'long', day: 'numeric', month: 'long' },
  'short-day': { weekday: 'short', day: '2-digit', month: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit' },
  'day-time': { weekday: 'short', day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' },
  long: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' },
};

const formats = new Map<string, Intl.DateTimeFormat>();

/** e.g. `mar. 24/11 11:00` ('day-time') or `mardi 24 novembre 2026 à 11:00` ('long'). */
export function formatInstant(instant: string | Date, timeZone: string, style: InstantStyle): string {
  const key = `${timeZone}|${style}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('fr-FR', { timeZone, ...OPTIONS[style] });
    formats.set(key, format);
  }
  return format.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** The local calendar date of an instant in a zone, `yyyy-mm-dd`. */
export function localDate(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    typeof instant === 'string' ? new Date(instant) : instant,
  );
}

/** The local wall time of an instant in a zone, `HH:mm`. */
export function localTime(instant: string | Date, timeZone: string): string {
  return formatInstant(instant, timeZone, 'time');
}

/** `yyyy-mm-dd` shifted by whole days (calendar arithmetic, no zone involved). */
export function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
