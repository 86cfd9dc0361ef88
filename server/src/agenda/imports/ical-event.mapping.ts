import { recogniseModality, resolveModality } from './modality-words';
import type { ImportContext, MappedItem } from './imported-slot';
import { fold } from './text-fold';

/** One occurrence of an iCal event, already read by ical.js: what the mapping needs, and nothing of ical.js. */
export interface IcalOccurrence {
  /** UID, or UID + '/' + occurrence start for an occurrence of a recurring event. */
  externalId: string;
  summary: string | null;
  categories: string[];
  location: string | null;
  /** STATUS, upper case (TENTATIVE, CONFIRMED, CANCELLED), or null. */
  status: string | null;
  allDay: boolean;
  /** Null when its time zone is unknown. */
  start: Date | null;
  end: Date | null;
}

/**
 * An event is a reserved slot when its summary or one of its categories contains the source's
 * marker (any event when the source has none). The modality is the one its summary or categories
 * name, else the source's. Cancelled or unmarked events count as gone.
 */
export function icalOccurrenceToSlot(occurrence: IcalOccurrence, marker: string | null, context: ImportContext): MappedItem {
  const { externalId, start, end } = occurrence;
  if (!isMarked(occurrence, marker) || occurrence.status === 'CANCELLED') return { kind: 'gone', externalId };
  const skip = (reason: string): MappedItem => ({ kind: 'skipped', item: { externalId, reason } });
  if (occurrence.allDay) return skip('Événement sur la journée entière : un créneau a une heure de début et de fin.');
  if (!start || !end) return skip('Fuseau horaire inconnu : heure de l’événement illisible.');
  if (end <= start) return skip('L’événement finit avant de commencer.');
  if (start <= context.window.from || start > context.window.to) return { kind: 'gone', externalId };
  const modality = resolveModality(recogniseModality([occurrence.summary, ...occurrence.categories]), context);
  if ('reason' in modality) return skip(modality.reason);
  const details: Record<string, unknown> = {};
  if (occurrence.summary) details['summary'] = occurrence.summary;
  if (occurrence.location) details['location'] = occurrence.location;
  return {
    kind: 'slot',
    slot: { externalId, modality: modality.modality, startsAt: start, endsAt: end, capacity: 1, details },
  };
}

function isMarked(occurrence: IcalOccurrence, marker: string | null): boolean {
  if (!marker) return true;
  const wanted = fold(marker);
  return [occurrence.summary ?? '', ...occurrence.categories].some((text) => fold(text).includes(wanted));
}
