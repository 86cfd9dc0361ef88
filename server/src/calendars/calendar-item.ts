import type { ICalEventStatus } from 'ical-generator';

/** One VEVENT, in the terms of the agenda: built from a slot or an appointment, written by ics-writer. */
export interface CalendarItem {
  /** Stable across every change of its slot or appointment. */
  uid: string;
  /** The row's version: it grows with each change, so clients take the newest. */
  sequence: number;
  status: ICalEventStatus;
  start: Date;
  end: Date;
  /** The row's last change: DTSTAMP and LAST-MODIFIED. */
  modifiedAt: Date;
  summary: string;
  description: string;
  location: string;
}
