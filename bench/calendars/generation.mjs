// In-process timing of a feed's text: the server's own mapping and writer (TypeScript, loaded through ts-node), on
// rows shaped as the feed's queries return them. Two variants show why the writer is what it is (docs/benchmarks.md).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

export function loadWriter(root) {
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  require('tsconfig-paths').register({ baseUrl: root, paths: compilerOptions.paths });
  require('ts-node').register({ transpileOnly: true, project: join(root, 'server/tsconfig.app.json') });
  return {
    ...require(join(root, 'server/src/calendars/ics-writer.ts')),
    ...require(join(root, 'server/src/calendars/calendar-items.ts')),
  };
}

const CENTRE = {
  centre_name: 'Hôpital de La Roche-sur-Yon — imagerie',
  street_address: '12 boulevard Stéphane Moreau',
  postcode: '85000',
  city: 'La Roche-sur-Yon',
  phone: '02 51 44 61 61',
};
const MODALITIES = ['radiography', 'ultrasound', 'ct', 'mri'];
const STATUSES = ['booked', 'confirmed', 'done', 'cancelled'];

/** `events` rows, half slots and half appointments, 20 minutes apart from `start` (across a DST change if asked). */
export function feedRows(events, start) {
  const slots = [];
  const appointments = [];
  for (let n = 0; n < events / 2; n++) {
    const startsAt = new Date(start.getTime() + Math.floor(n / 30) * 86_400_000 + (n % 30) * 20 * 60_000);
    const endsAt = new Date(startsAt.getTime() + 20 * 60_000);
    const modality = MODALITIES[n % 4];
    const modifiedAt = new Date(startsAt.getTime() - 86_400_000);
    slots.push({
      ...CENTRE,
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      status: 'open',
      version: 2 + (n % 3),
      updated_at: modifiedAt,
      starts_at: startsAt,
      ends_at: endsAt,
      modality,
      capacity: 1,
      booked_count: 1,
    });
    appointments.push({
      ...CENTRE,
      id: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      status: STATUSES[n % 4],
      version: 1 + (n % 3),
      modified_at: modifiedAt,
      starts_at: startsAt,
      ends_at: endsAt,
      modality,
      region: 'Abdomen et pelvis',
      contrast: n % 2 ? 'true' : 'false',
      reference: `CR-2026-${String(n).padStart(6, '0')}`,
      patient_name: n % 5 ? null : 'DURAND Paul',
    });
  }
  return { slots, appointments };
}

/** What the server does per request once the rows are read: map them, sort them, write the text. */
export function renderFeed(writer, rows) {
  const items = [...rows.slots.map(writer.slotItem), ...rows.appointments.map(writer.appointmentItem)];
  items.sort((a, b) => a.start.getTime() - b.start.getTime() || (a.uid < b.uid ? -1 : 1));
  return writer.writeCalendar({ name: 'Créneau — banc d’essai', timeZone: 'Europe/Paris', refreshSeconds: 900 }, items);
}

/** The same events the obvious way: Luxon dates for the zone, and ical-generator's own toString (and folding). */
export function renderPlainIcalGenerator(writer, rows) {
  const { default: ical } = require('ical-generator');
  const { DateTime } = require('luxon');
  const { VTIMEZONES } = require('../../server/src/calendars/vtimezones.ts');
  const calendar = ical({
    name: 'Créneau — banc d’essai',
    ttl: 900,
    timezone: { name: null, generator: (zone) => VTIMEZONES[zone] },
  });
  const items = [...rows.slots.map(writer.slotItem), ...rows.appointments.map(writer.appointmentItem)];
  for (const item of items) {
    const zoned = (date) => DateTime.fromJSDate(date, { zone: 'Europe/Paris' });
    calendar.createEvent({
      id: item.uid,
      sequence: item.sequence,
      status: item.status,
      start: zoned(item.start),
      end: zoned(item.end),
      timezone: 'Europe/Paris',
      stamp: item.modifiedAt,
      lastModified: item.modifiedAt,
      summary: item.summary,
      description: item.description,
      location: item.location,
    });
  }
  return calendar.toString();
}

/** The writer with Luxon dates instead of ZonedDate: only the dates differ. */
export function renderWithLuxonDates(writer, rows) {
  const { ICalCalendar, ICalEvent } = require('ical-generator');
  const { DateTime } = require('luxon');
  const { foldLines } = require('../../server/src/calendars/ics-fold.ts');
  const owner = new ICalCalendar();
  const items = [...rows.slots.map(writer.slotItem), ...rows.appointments.map(writer.appointmentItem)];
  const parts = [];
  for (const item of items) {
    const zoned = (date) => DateTime.fromJSDate(date, { zone: 'Europe/Paris' });
    const event = new ICalEvent(
      {
        id: item.uid,
        sequence: item.sequence,
        status: item.status,
        start: zoned(item.start),
        end: zoned(item.end),
        timezone: 'Europe/Paris',
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
  return parts.join('');
}
