import ICAL from 'ical.js';
import { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { CalendarItem } from './calendar-item';
import { writeCalendar } from './ics-writer';

function item(uid: string, start: string, overrides: Partial<CalendarItem> = {}): CalendarItem {
  const startsAt = new Date(start);
  return {
    uid,
    sequence: 3,
    status: ICalEventStatus.CONFIRMED,
    start: startsAt,
    end: new Date(startsAt.getTime() + 20 * 60_000),
    modifiedAt: new Date('2026-10-01T08:00:00Z'),
    summary: 'Scanner — CR-2026-000001',
    description: 'Demande CR-2026-000001\nExamen : Scanner — Abdomen et pelvis, sans injection',
    location: 'Hôpital de La Roche-sur-Yon — imagerie, 12 rue Georges Clemenceau, 85000 La Roche-sur-Yon',
    ...overrides,
  };
}

/** Parses with ical.js, registering the file's own VTIMEZONEs, as a client would. */
function parse(text: string): ICAL.Component {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  return calendar;
}

afterEach(() => ICAL.TimezoneService.reset());

describe('writeCalendar', () => {
  it('writes events in Paris wall time with its VTIMEZONE, right on both sides of the October changeover', () => {
    const text = writeCalendar({ name: 'Créneau — test', timeZone: 'Europe/Paris', refreshSeconds: 900 }, [
      item('before@creneau', '2026-10-24T08:00:00Z'),
      item('after@creneau', '2026-10-26T09:00:00Z'),
    ]);
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20261024T100000');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20261026T100000');
    const calendar = parse(text);
    expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/Paris');
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(events.map((event) => event.startDate.toJSDate().toISOString())).toEqual([
      '2026-10-24T08:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
    ]);
    expect(events.map((event) => event.endDate.toJSDate().toISOString())).toEqual([
      '2026-10-24T08:20:00.000Z',
      '2026-10-26T09:20:00.000Z',
    ]);
    expect(calendar.getFirstPropertyValue('refresh-interval')?.toString()).toBe('PT15M');
    expect(calendar.getFirstPropertyValue('x-published-ttl')).toBe('PT15M');
  });

  it('writes UID, SEQUENCE, STATUS, and DTSTAMP and LAST-MODIFIED in UTC', () => {
    const text = writeCalendar({ name: 'Créneau', timeZone: 'Europe/Paris' }, [
      item('a@creneau', '2026-03-28T09:00:00Z', { status: ICalEventStatus.TENTATIVE, sequence: 1 }),
      item('b@creneau', '2026-03-30T09:00:00Z', { status: ICalEventStatus.CANCELLED, sequence: 4 }),
    ]);
    expect(text).toContain('DTSTAMP:20261001T080000Z');
    expect(text).toContain('LAST-MODIFIED:20261001T080000Z');
    expect(text).not.toContain('METHOD');
    const [a, b] = parse(text).getAllSubcomponents('vevent');
    expect([a.getFirstPropertyValue('uid'), a.getFirstPropertyValue('sequence'), a.getFirstPropertyValue('status')]).toEqual([
      'a@creneau',
      1,
      'TENTATIVE',
    ]);
    expect([b.getFirstPropertyValue('sequence'), b.getFirstPropertyValue('status')]).toEqual([4, 'CANCELLED']);
    // Across the March changeover: 10:00 in winter, 11:00 in summer, for 09:00 UTC both.
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260328T100000');
    expect(text).toContain('DTSTART;TZID=Europe/Paris:20260330T110000');
  });

  it('keeps every line within 75 octets and gives back the long French text unfolded', () => {
    const description = 'Créneau semi-urgent réservé à l’imagerie — échographie abdominale à l’hôpital. '.repeat(6).trim();
    const text = writeCalendar({ name: 'Créneau — Clinique du Bocage — imagerie', timeZone: 'Europe/Paris' }, [
      item('long@creneau', '2026-11-02T09:00:00Z', { description }),
    ]);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(parse(text).getFirstSubcomponent('vevent')?.getFirstPropertyValue('description')).toBe(description);
  });

  it('writes a published file for a one-off attachment', () => {
    const text = writeCalendar({ name: 'Créneau', timeZone: 'Europe/Paris', method: ICalCalendarMethod.PUBLISH }, [
      item('one@creneau', '2026-11-02T09:00:00Z'),
    ]);
    expect(parse(text).getFirstPropertyValue('method')).toBe('PUBLISH');
  });

  it('falls back to UTC times for a zone it has no VTIMEZONE for', () => {
    const text = writeCalendar({ name: 'Créneau', timeZone: 'America/Cayenne' }, [item('utc@creneau', '2026-11-02T09:00:00Z')]);
    expect(text).not.toContain('VTIMEZONE');
    expect(text).toContain('DTSTART:20261102T090000Z');
  });
});
