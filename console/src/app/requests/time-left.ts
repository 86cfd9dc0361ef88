import { deadlineStatus, type DeadlineStatus } from '@creneau/domain';

const HOUR_MS = 3_600_000;

export interface TimeLeft {
  status: DeadlineStatus;
  /** e.g. `31 h avant 48 h`, `48 h dépassé — 5 h avant 72 h`, `72 h dépassé de 3 h`. */
  label: string;
}

/** Where a request stands against the territory's target and maximum delays, in words for the queue. */
export function timeLeft(
  request: { targetAt: string; maximumAt: string },
  now: Date,
  policy: { targetDelayHours: number; maximumDelayHours: number },
): TimeLeft {
  const target = new Date(request.targetAt);
  const maximum = new Date(request.maximumAt);
  const status = deadlineStatus({ target, maximum }, now);
  const hours = (until: Date) => duration(until.getTime() - now.getTime());
  switch (status) {
    case 'on-time':
      return { status, label: `${hours(target)} avant ${policy.targetDelayHours} h` };
    case 'past-target':
      return { status, label: `${policy.targetDelayHours} h dépassé — ${hours(maximum)} avant ${policy.maximumDelayHours} h` };
    case 'past-maximum':
      return { status, label: `${policy.maximumDelayHours} h dépassé de ${duration(now.getTime() - maximum.getTime())}` };
  }
}

/** Whole hours, or minutes under an hour. */
function duration(ms: number): string {
  return ms >= HOUR_MS ? `${Math.floor(ms / HOUR_MS)} h` : `${Math.max(0, Math.floor(ms / 60_000))} min`;
}
