import { ICalCalendar, ICalCalendarMethod, ICalEvent } from 'ical-generator';
import type { CalendarItem } from './calendar-item';
import { foldLines } from './ics-fold';
import { VTIMEZONES } from './vtimezones';
import { ZonedDate, ZoneOffsets } from './zoned-date';

const PRODUCT = { company: 'CPTS', product: 'Créneau', language: 'FR' };
const END = 'END:VCALENDAR';

export interface CalendarHead {
  name: string;
  /** The territory's zone: events are written in its wall time, with its VTIMEZONE. */
  timeZone: string;
  /** How often a subscribed client should come back (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
  refreshSeconds?: number;
  /**
   * PUBLISH for a file sent once (an e-mail's attachment). A feed has none, so that DTSTAMP is, as
   * RFC 5545 says then, the event's last revision: the same data gives the same bytes and the same ETag.
   */
  method?: ICalCalendarMethod;
}

/**
 * The calendar's text, every property written by ical-generator. Two things are done beside it:
 * - events are serialised one by one and folded here: ical-generator 10 folds the whole text with a
 *   TextEncoder per character, a second or more for 2,000 events (ical-generator#765, fixed after 10.2 in
 *   releases that need Node 22);
 * - events belong to a calendar without a zone name, as with one it writes DTSTAMP and LAST-MODIFIED
 *   as zone-less local times where RFC 5545 wants UTC; their own zone gives DTSTART and DTEND a TZID.
 */
export function writeCalendar(head: CalendarHead, items: readonly CalendarItem[]): string {
  const zone = VTIMEZONES[head.timeZone] ? head.timeZone : null;
  const envelope = envelopeOf(head, zone);
  const owner = new ICalCalendar();
  const offsets = zone ? zoneOffsets(zone) : null;
  const at = (date: Date) => (zone && offsets ? new ZonedDate(date, zone, offsets) : date);
  const parts = [envelope];
  for (const item of items) {
    const event = new ICalEvent(
      {
        id: item.uid,
        sequence: item.sequence,
        status: item.status,
        start: at(item.start),
        end: at(item.end),
        timezone: zone,
        stamp: item.modifiedAt,
        lastModified: item.modifiedAt,
        summary: item.summary,
        description: item.description,
        location: item.location,
      },
      owner,
    );
    parts.push(foldLines(event.toString()));
  }
  parts.push(END);
  return parts.join('');
}

/** The calendar's own lines (VTIMEZONE included) up to its END: the same for every calendar of the same head. */
const envelopes = new Map<string, string>();

function envelopeOf(head: CalendarHead, zone: string | null): string {
  const key = JSON.stringify([head.name, zone, head.method ?? null, head.refreshSeconds ?? null]);
  let envelope = envelopes.get(key);
  if (envelope === undefined) {
    // ical-generator folds its whole text a character at a time: about a millisecond for the VTIMEZONE alone,
    // once per booking's message before this was remembered.
    const text = new ICalCalendar({
      prodId: PRODUCT,
      name: head.name,
      method: head.method ?? null,
      ttl: head.refreshSeconds ?? null,
      timezone: zone ? { name: zone, generator: () => VTIMEZONES[zone] } : null,
    }).toString();
    envelope = text.slice(0, text.lastIndexOf(END));
    envelopes.set(key, envelope);
  }
  return envelope;
}

/** One per zone for the server's life: making its Intl formatter costs about a millisecond, and it learns each day once. */
const offsetsByZone = new Map<string, ZoneOffsets>();

function zoneOffsets(zone: string): ZoneOffsets {
  let offsets = offsetsByZone.get(zone);
  if (!offsets) {
    offsets = new ZoneOffsets(zone);
    offsetsByZone.set(zone, offsets);
  }
  return offsets;
}
