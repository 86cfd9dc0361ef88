import ICAL from 'ical.js';

export interface ReadEvent {
  uid: string;
  sequence: number;
  status: string;
  summary: string;
  description: string;
  location: string;
  start: string;
  end: string;
  /** DTSTART as written: its TZID and wall time. */
  startTzid: string | null;
  dtstamp: string;
  lastModified: string;
}

/**
 * Reads a calendar with ical.js, an independent parser, as a client would: its own VTIMEZONEs
 * registered, times turned into instants. Also checks RFC 5545's 75-octet line limit.
 */
export function readCalendar(text: string): { calendar: ICAL.Component; events: ReadEvent[] } {
  for (const line of text.split('\r\n')) {
    if (Buffer.byteLength(line, 'utf8') > 75) throw new Error(`line over 75 octets: ${line}`);
  }
  const calendar = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const events = calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const text = (name: string) => String(vevent.getFirstPropertyValue(name) ?? '');
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: text('status'),
      summary: event.summary,
      description: event.description,
      location: event.location,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      startTzid: (vevent.getFirstProperty('dtstart')?.getParameter('tzid') as string | undefined) ?? null,
      dtstamp: text('dtstamp'),
      lastModified: text('last-modified'),
    };
  });
  return { calendar, events };
}
