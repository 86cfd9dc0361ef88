import { isObject, type FhirResource } from './fhir-bulk.parser';
import { recogniseModality, resolveModality } from './modality-words';
import { MAX_SLOT_CAPACITY, type ImportContext, type MappedItem } from './imported-slot';

const SMART_EXTENSION = 'http://fhir-registry.smarthealthit.org/StructureDefinition/';
const CAPACITY = `${SMART_EXTENSION}slot-capacity`;
const DEEP_LINK = `${SMART_EXTENSION}booking-deep-link`;
const PHONE = `${SMART_EXTENSION}booking-phone`;

/** FHIR instants always carry their offset; a time without one is not an instant. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** The publication's Schedules and Locations by id, to complete each Slot. */
export interface FhirDirectory {
  schedules: ReadonlyMap<string, FhirResource>;
  locations: ReadonlyMap<string, FhirResource>;
}

/**
 * A SMART Scheduling Links Slot as a Créneau slot: 'free' slots only (any other status counts as
 * gone), capacity from the slot-capacity extension (1 without it), the modality named by its
 * Schedule's serviceType, else the source's; the booking link, phone and Location kept as details.
 */
export function fhirSlotToImported(slot: FhirResource, directory: FhirDirectory, context: ImportContext): MappedItem {
  const externalId = typeof slot.id === 'string' && slot.id !== '' ? slot.id : null;
  const skip = (reason: string): MappedItem => ({ kind: 'skipped', item: { externalId, reason } });
  if (!externalId) return skip('Slot sans identifiant : impossible de le suivre d’un import à l’autre.');
  if (slot['status'] !== 'free') return { kind: 'gone', externalId };
  const start = instant(slot['start']);
  const end = instant(slot['end']);
  if (!start || !end) return skip('Début ou fin absent ou sans fuseau horaire.');
  if (end <= start) return skip('Le créneau finit avant de commencer.');
  if (start <= context.window.from || start > context.window.to) return { kind: 'gone', externalId };

  const capacity = extensionValue(slot, CAPACITY, 'valueInteger') ?? 1;
  if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 1 || capacity > MAX_SLOT_CAPACITY) {
    return skip(`Capacité refusée (${String(capacity)}) : de 1 à ${MAX_SLOT_CAPACITY} places.`);
  }
  const schedule = referenced(slot['schedule'], 'Schedule', directory.schedules);
  const modality = resolveModality(recogniseModality(serviceTypeTexts(schedule)), context);
  if ('reason' in modality) return skip(modality.reason);

  const details: Record<string, unknown> = {};
  const deepLink = extensionValue(slot, DEEP_LINK, 'valueUrl');
  const phone = extensionValue(slot, PHONE, 'valueString');
  if (typeof deepLink === 'string') details['bookingDeepLink'] = deepLink;
  if (typeof phone === 'string') details['bookingPhone'] = phone;
  const location = locationOf(schedule, directory.locations);
  if (location) details['location'] = location;
  return { kind: 'slot', slot: { externalId, modality: modality.modality, startsAt: start, endsAt: end, capacity, details } };
}

function instant(value: unknown): Date | null {
  if (typeof value !== 'string' || !INSTANT.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function extensionValue(resource: FhirResource, url: string, field: string): unknown {
  const extensions = Array.isArray(resource['extension']) ? resource['extension'] : [];
  const extension: unknown = extensions.find((candidate) => isObject(candidate) && candidate['url'] === url);
  return isObject(extension) ? extension[field] : undefined;
}

/** `{ reference: 'Schedule/10' }` (relative or absolute) → the resource with id 10 of that type. */
function referenced(reference: unknown, type: string, byId: ReadonlyMap<string, FhirResource>): FhirResource | null {
  if (!isObject(reference) || typeof reference['reference'] !== 'string') return null;
  const [kind, id] = reference['reference'].split('/').slice(-2);
  return kind === type && id ? (byId.get(id) ?? null) : null;
}

/** Codes, displays and texts of a Schedule's serviceType, where a DICOM code or a modality's name may appear. */
function serviceTypeTexts(schedule: FhirResource | null): string[] {
  const concepts = schedule && Array.isArray(schedule['serviceType']) ? schedule['serviceType'] : [];
  return concepts
    .filter(isObject)
    .flatMap((concept) => [
      ...(Array.isArray(concept['coding']) ? concept['coding'] : [])
        .filter(isObject)
        .flatMap((coding) => [coding['code'], coding['display']]),
      concept['text'],
    ])
    .filter((text): text is string => typeof text === 'string');
}

function locationOf(schedule: FhirResource | null, locations: ReadonlyMap<string, FhirResource>): Record<string, string> | null {
  const actors = schedule && Array.isArray(schedule['actor']) ? schedule['actor'] : [];
  const location = actors.map((actor) => referenced(actor, 'Location', locations)).find((found) => found !== null);
  if (!location) return null;
  const result: Record<string, string> = {};
  if (typeof location['name'] === 'string') result['name'] = location['name'];
  const address = isObject(location['address']) ? location['address'] : null;
  if (address) {
    const lines = Array.isArray(address['line']) ? address['line'].filter((line) => typeof line === 'string') : [];
    const town = [address['postalCode'], address['city']].filter((part) => typeof part === 'string').join(' ');
    result['address'] = [...lines, town].filter((part) => part !== '').join(', ');
  }
  return result;
}
