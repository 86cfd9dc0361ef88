const DAY_MS = 86_400_000;

/** The instant a calendar day (`YYYY-MM-DD`) begins in a time zone, e.g. the territory's. */
export function startOfDay(isoDate: string, timeZone: string): Date {
  const [year, month, day] = isoDate.split('-').map(Number);
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // The zone's offset at a first guess, then at the answer: they differ when the offset changes in between.
  const guess = midnightAsUtc - offsetMs(midnightAsUtc, timeZone);
  return new Date(midnightAsUtc - offsetMs(guess, timeZone));
}

/** The instant the day after `isoDate` begins: the exclusive end of a period that includes that day. */
export function endOfDay(isoDate: string, timeZone: string): Date {
  const next = new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
  return startOfDay(next, timeZone);
}

/** How far the zone's wall clock is ahead of UTC at an instant. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallAsUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallAsUtc - (instant - (instant % 1000));
}
