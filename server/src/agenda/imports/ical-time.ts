import ICAL from 'ical.js';
import { DateTime } from 'luxon';

/**
 * The instant of an iCal date-time. UTC times and times whose TZID the feed defines (VTIMEZONE)
 * are converted by ical.js; floating times and TZIDs the feed leaves undefined are read as wall
 * time in that IANA zone (or in `fallbackZone` when floating), so that 09:00 stays 09:00 across a
 * DST change. Null when the zone is unknown.
 */
export function icalTimeToDate(time: ICAL.Time, tzid: string | null, fallbackZone: string): Date | null {
  if (time.zone && time.zone.tzid !== ICAL.Timezone.localTimezone.tzid) return time.toJSDate();
  const { year, month, day, hour, minute, second } = time;
  const local = DateTime.fromObject({ year, month, day, hour, minute, second }, { zone: tzid ?? fallbackZone });
  return local.isValid ? local.toJSDate() : null;
}

/** The TZID parameter of a date-time property, if any. */
export function tzidOf(component: ICAL.Component, property: 'dtstart' | 'dtend' | 'recurrence-id'): string | null {
  const tzid = component.getFirstProperty(property)?.getParameter('tzid');
  return typeof tzid === 'string' && tzid !== '' ? tzid : null;
}
