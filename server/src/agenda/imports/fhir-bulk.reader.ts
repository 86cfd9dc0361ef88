import type { FetchLimits } from './feed-fetcher';
import { parseManifest, parseNdjson, type FhirResource, type FhirOutputType } from './fhir-bulk.parser';
import { fhirSlotToImported } from './fhir-slot.mapping';
import type { ImportContext, ImportedFeed } from './imported-slot';

export type TextFetcher = (url: string, limits?: FetchLimits) => Promise<string>;

/** A SMART Scheduling Links publication: the manifest, then every Location, Schedule and Slot file it lists. */
export async function readFhirBulk(manifestUrl: string, context: ImportContext, fetchText: TextFetcher): Promise<ImportedFeed> {
  const outputs = parseManifest(await fetchText(manifestUrl), manifestUrl);
  const files = await Promise.all(
    outputs.map(async (output) => ({
      type: output.type,
      resources: parseNdjson(await fetchText(output.url), output.type, output.url),
    })),
  );
  const ofType = (type: FhirOutputType) => files.filter((file) => file.type === type).flatMap((file) => file.resources);
  const directory = { schedules: byId(ofType('Schedule')), locations: byId(ofType('Location')) };
  const feed: ImportedFeed = { slots: [], skipped: [] };
  for (const slot of ofType('Slot')) {
    const mapped = fhirSlotToImported(slot, directory, context);
    if (mapped.kind === 'slot') feed.slots.push(mapped.slot);
    if (mapped.kind === 'skipped') feed.skipped.push(mapped.item);
  }
  return feed;
}

function byId(resources: FhirResource[]): Map<string, FhirResource> {
  return new Map(resources.flatMap((resource) => (typeof resource.id === 'string' ? [[resource.id, resource] as const] : [])));
}
