/** Cron timers may fire a little early or late: a run within this margin of a boundary belongs to it. */
const MAX_MARGIN_MS = 10_000;

/**
 * The scheduled time a run at `now` stands for: the start of its period, so that every instance ticking
 * for the same cron firing names the same tick, and a start-up run within a period shares that period's tick.
 */
export function tickOf(now: Date, periodMs: number): Date {
  if (!Number.isInteger(periodMs) || periodMs <= 0)
    throw new RangeError(`A job's period must be a positive integer; got ${periodMs}.`);
  const margin = Math.min(MAX_MARGIN_MS, periodMs / 10);
  return new Date(Math.floor((now.getTime() + margin) / periodMs) * periodMs);
}
