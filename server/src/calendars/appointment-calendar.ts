import { ICalCalendarMethod } from 'ical-generator';
import type { DetachedAppointmentRow } from './calendar-rows';
import { appointmentItem } from './calendar-items';
import { writeCalendar } from './ics-writer';

/**
 * A published .ics of appointments (one, or a moved one beside its cancelled predecessor, so that the
 * recipient's calendar drops the old time): the same UIDs and SEQUENCEs as in the feeds, no patient's name.
 */
export function appointmentCalendar(rows: readonly DetachedAppointmentRow[]): string {
  return writeCalendar(
    {
      name: 'Créneau — rendez-vous d’imagerie',
      timeZone: rows[0]?.timezone ?? 'Europe/Paris',
      method: ICalCalendarMethod.PUBLISH,
    },
    rows.map(appointmentItem),
  );
}
