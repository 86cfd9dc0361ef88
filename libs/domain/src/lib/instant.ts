/** A point in absolute time: a Date on the server, an ISO 8601 string with offset as it comes off the wire. */
export type Instant = Date | string;

/** Milliseconds since the epoch; a bad value is a caller's bug, so it throws rather than compare as NaN. */
export function epochMs(value: Instant): number {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not a valid instant: ${String(value)}`);
  return ms;
}
