const MINUTE = 60_000;
const MAX_BACKOFF_MINUTES = 24 * 60;

/**
 * When to poll a source next: after its interval when the last run succeeded; after
 * interval × 2^failures when it failed, never later than a day, so a broken feed is not hammered.
 */
export function nextPollAt(now: Date, intervalMinutes: number, consecutiveFailures: number): Date {
  const minutes = Math.min(intervalMinutes * 2 ** Math.min(consecutiveFailures, 30), MAX_BACKOFF_MINUTES);
  return new Date(now.getTime() + minutes * MINUTE);
}
