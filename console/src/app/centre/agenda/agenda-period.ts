import { addDays } from '../../time/format-instant';
import { endOfDay, startOfDay } from '../../time/start-of-day';

export type AgendaScale = 'day' | 'week';

export interface AgendaPeriod {
  /** Local dates shown, `yyyy-mm-dd`. */
  days: string[];
  /** The instants the period starts and ends (exclusive), in the territory's zone. */
  from: string;
  to: string;
}

/** The day, or the week from Monday to Sunday, that holds a local date. */
export function agendaPeriod(date: string, scale: AgendaScale, timeZone: string): AgendaPeriod {
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
  const first = scale === 'day' ? date : addDays(date, -weekday);
  const days = Array.from({ length: scale === 'day' ? 1 : 7 }, (_, i) => addDays(first, i));
  return {
    days,
    from: startOfDay(days[0], timeZone).toISOString(),
    to: endOfDay(days[days.length - 1], timeZone).toISOString(),
  };
}
