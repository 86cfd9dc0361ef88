const MINUTE = 60_000;
/** About six hours of tries: past that, a person must look (the console lists it as failed). */
export const MAX_ATTEMPTS = 10;
const MAX_DELAY_MINUTES = 120;

/** Delay before the next try after `attempts` failed ones: 1, 2, 4… minutes, at most two hours. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** Math.max(attempts - 1, 0), MAX_DELAY_MINUTES) * MINUTE;
}

/** SMTP 5xx is the server's final no (unknown mailbox, refused sender): trying again would not help. */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}
