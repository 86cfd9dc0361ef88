import { fetchText } from './feed-fetcher';
import { readFhirBulk } from './fhir-bulk.reader';
import { parseIcalFeed } from './ical-feed.parser';
import type { ImportSource } from './import-source.entity';
import type { ImportContext, ImportedFeed } from './imported-slot';

/** Fetches and reads a source, whatever its kind; throws a FeedError when it cannot. */
export async function readFeed(
  source: Pick<ImportSource, 'kind' | 'url' | 'marker'>,
  context: ImportContext,
): Promise<ImportedFeed> {
  if (source.kind === 'fhir') return readFhirBulk(source.url, context, fetchText);
  return parseIcalFeed(await fetchText(source.url), source.marker, context);
}
