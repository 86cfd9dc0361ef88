const HOUR_MS = 3_600_000;

export interface DelayPolicy {
  /** The territory's target, 48 h in the protocol. */
  targetDelayHours: number;
  /** The protocol's ceiling: "à réaliser dans les 72 heures". */
  maximumDelayHours: number;
}

export const DEFAULT_DELAY_POLICY: DelayPolicy = { targetDelayHours: 48, maximumDelayHours: 72 };

export interface RequestDeadlines {
  target: Date;
  maximum: Date;
}

export type DeadlineStatus = 'on-time' | 'past-target' | 'past-maximum';

export function requestDeadlines(receivedAt: Date, policy: DelayPolicy = DEFAULT_DELAY_POLICY): RequestDeadlines {
  if (policy.targetDelayHours <= 0 || policy.maximumDelayHours < policy.targetDelayHours) {
    throw new RangeError('The target delay must be positive and no later than the maximum delay.');
  }
  const received = receivedAt.getTime();
  return {
    target: new Date(received + policy.targetDelayHours * HOUR_MS),
    maximum: new Date(received + policy.maximumDelayHours * HOUR_MS),
  };
}

/** Where a request stands against its deadlines at a given instant. */
export function deadlineStatus(deadlines: RequestDeadlines, now: Date): DeadlineStatus {
  if (now.getTime() > deadlines.maximum.getTime()) return 'past-maximum';
  if (now.getTime() > deadlines.target.getTime()) return 'past-target';
  return 'on-time';
}
