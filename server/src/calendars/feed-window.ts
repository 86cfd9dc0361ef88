import type { AppConfig } from '../config/app-config';

const DAY = 86_400_000;
/**
 * How long a cancelled appointment, or a withdrawn or released slot, stays in the feeds as CANCELLED:
 * a subscribed client removes an event it is told is cancelled, while one that merely vanishes may linger.
 */
const CANCELLED_KEPT_DAYS = 14;

export interface FeedWindow {
  from: Date;
  to: Date;
  /** Cancelled events changed before this are left out. */
  cancelledSince: Date;
}

export function feedWindow(now: Date, config: Pick<AppConfig, 'calendarDaysBack' | 'calendarDaysAhead'>): FeedWindow {
  return {
    from: new Date(now.getTime() - config.calendarDaysBack * DAY),
    to: new Date(now.getTime() + config.calendarDaysAhead * DAY),
    cancelledSince: new Date(now.getTime() - CANCELLED_KEPT_DAYS * DAY),
  };
}
