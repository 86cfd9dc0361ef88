import ICAL from 'ical.js';
import { FeedError } from './feed-error';
import { IcalOccurrence, icalOccurrenceToSlot } from './ical-event.mapping';
import { icalTimeToDate, tzidOf } from './ical-time';
import type { ImportContext, ImportedFeed, MappedItem } from './imported-slot';

/** A bound on each recurring event's expansion, whatever its rule (a daily rule since 1990 stops here). */
const MAX_OCCURRENCES_PER_EVENT = 20_000;

/**
 * Reads an iCal feed with ical.js: single events, and recurring ones expanded by ical.js's own
 * recurrence (RRULE, RDATE, EXDATE, overridden occurrences) over the window, an occurrence being in
 * the window by its original start.
 * Throws a FeedError when the text is not an iCalendar object.
 */
export function parseIcalFeed(text: string, marker: string | null, context: ImportContext): ImportedFeed {
  const calendar = readCalendar(text);
  const byUid = new Map<string, ICAL.Component[]>();
  const feed: ImportedFeed = { slots: [], skipped: [] };
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    const uid = vevent.getFirstPropertyValue('uid');
    if (typeof uid !== 'string' || uid === '') continue; // an event without UID cannot be followed from one import to the next
    byUid.set(uid, [...(byUid.get(uid) ?? []), vevent]);
  }
  for (const [uid, components] of byUid) {
    for (const mapped of mapEvent(uid, components, marker, context)) {
      if (mapped.kind === 'slot') feed.slots.push(mapped.slot);
      if (mapped.kind === 'skipped') feed.skipped.push(mapped.item);
    }
  }
  return feed;
}

function readCalendar(text: string): ICAL.Component {
  let jcal: unknown;
  try {
    jcal = ICAL.parse(text);
  } catch (error) {
    throw new FeedError(`Flux iCal illisible : ${error instanceof Error ? error.message : String(error)}.`);
  }
  if (!Array.isArray(jcal) || jcal[0] !== 'vcalendar') {
    throw new FeedError('Le flux n’est pas un calendrier iCal (un objet VCALENDAR est attendu).');
  }
  return new ICAL.Component(jcal);
}

/** The occurrences of one UID: the master event and its overridden occurrences (RECURRENCE-ID). */
function mapEvent(uid: string, components: ICAL.Component[], marker: string | null, context: ImportContext): MappedItem[] {
  const master = components.find((component) => !component.hasProperty('recurrence-id'));
  const exceptions = components.filter((component) => component !== master);
  const map = (occurrence: IcalOccurrence) => icalOccurrenceToSlot(occurrence, marker, context);
  try {
    if (!master) return exceptions.map((exception) => map(single(exception, occurrenceId(uid, exception, context), context)));
    const event = new ICAL.Event(master, { exceptions, strictExceptions: false });
    if (!event.isRecurring()) return [map(single(master, uid, context))];
    return expand(uid, event, context).map(map);
  } catch (error) {
    // One broken event (bad date, bad rule) is reported; the rest of the feed is still imported.
    const reason = `Événement illisible : ${error instanceof Error ? error.message : String(error)}.`;
    return [{ kind: 'skipped', item: { externalId: uid, reason } }];
  }
}

function expand(uid: string, event: ICAL.Event, context: ImportContext): IcalOccurrence[] {
  const occurrences: IcalOccurrence[] = [];
  const masterTzid = tzidOf(event.component, 'dtstart');
  const iterator = event.iterator();
  for (let count = 0, next = iterator.next(); next && count < MAX_OCCURRENCES_PER_EVENT; count++, next = iterator.next()) {
    const recurrenceStart = icalTimeToDate(next, masterTzid, context.timezone);
    if (recurrenceStart && recurrenceStart > context.window.to) break;
    if (recurrenceStart && recurrenceStart <= context.window.from) continue;
    const details = event.getOccurrenceDetails(next);
    const id = `${uid}/${recurrenceStart?.toISOString() ?? next.toString()}`;
    occurrences.push(occurrence(details.item.component, id, details.startDate, details.endDate, context));
  }
  return occurrences;
}

function single(component: ICAL.Component, externalId: string, context: ImportContext): IcalOccurrence {
  const event = new ICAL.Event(component);
  return occurrence(component, externalId, event.startDate, event.endDate, context);
}

function occurrenceId(uid: string, exception: ICAL.Component, context: ImportContext): string {
  const recurrenceId = new ICAL.Event(exception).recurrenceId;
  const instant = icalTimeToDate(recurrenceId, tzidOf(exception, 'recurrence-id'), context.timezone);
  return `${uid}/${instant?.toISOString() ?? recurrenceId.toString()}`;
}

function occurrence(
  component: ICAL.Component,
  externalId: string,
  start: ICAL.Time | null,
  end: ICAL.Time | null,
  context: ImportContext,
): IcalOccurrence {
  const startTzid = tzidOf(component, 'dtstart');
  const text = (name: string) => {
    const value = component.getFirstPropertyValue(name);
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
  };
  return {
    externalId,
    summary: text('summary'),
    categories: component
      .getAllProperties('categories')
      .flatMap((property) => property.getValues())
      .filter((value): value is string => typeof value === 'string'),
    location: text('location'),
    status: text('status')?.toUpperCase() ?? null,
    allDay: start?.isDate ?? false,
    start: start ? icalTimeToDate(start, startTzid, context.timezone) : null,
    end: end ? icalTimeToDate(end, tzidOf(component, 'dtend') ?? startTzid, context.timezone) : null,
  };
}
