import { DateTime, IANAZone } from 'luxon';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A wall-clock reading in some time zone, without the zone. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** 'HH:mm', 00:00 to 23:59. */
export function parseLocalTime(value: unknown): { hour: number; minute: number } | null {
  if (typeof value !== 'string') return null;
  const match = HH_MM.exec(value);
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : null;
}

export function isKnownTimeZone(timezone: unknown): timezone is string {
  return typeof timezone === 'string' && IANAZone.isValidZone(timezone);
}

/**
 * The instant a wall-clock time names in a zone, following RFC 5545 (3.3.5) so that calendar clients read our
 * feeds the same way:
 * - a time skipped by the spring change (02:30 on 29 March 2026 in Paris) uses the offset before the gap,
 *   i.e. it moves forward by the gap: 02:30+01:00, shown as 03:30+02:00;
 * - a time that happens twice in autumn (02:30 on 25 October 2026 in Paris) is the first one, 02:30+02:00.
 * Luxon alone would take the second in autumn, hence the explicit candidates.
 */
export function wallTimeToInstant(local: LocalDateTime, timezone: string): Date {
  const zone = IANAZone.create(timezone);
  if (!zone.isValid) throw new RangeError(`Unknown time zone: ${timezone}`);
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // No zone changes its offset twice within two days, so the offsets a day either side are the only candidates.
  const offsetBefore = zone.offset(wallAsUtc - DAY_MS);
  const offsetAfter = zone.offset(wallAsUtc + DAY_MS);
  const readings = [offsetBefore, offsetAfter]
    .map((offsetMinutes) => wallAsUtc - offsetMinutes * MINUTE_MS)
    .filter((instant) => wallAsUtc - zone.offset(instant) * MINUTE_MS === instant);
  if (readings.length > 0) return new Date(Math.min(...readings));
  return new Date(wallAsUtc - offsetBefore * MINUTE_MS);
}

/** The wall-clock reading of an instant in a zone. */
export function instantToWallTime(instant: Date, timezone: string): LocalDateTime {
  const local = DateTime.fromMillis(instant.getTime(), { zone: timezone });
  if (!local.isValid) throw new RangeError(`Unknown time zone: ${timezone}`);
  return { year: local.year, month: local.month, day: local.day, hour: local.hour, minute: local.minute };
}
