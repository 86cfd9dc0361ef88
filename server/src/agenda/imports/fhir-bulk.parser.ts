import { FeedError } from './feed-error';

/** The resource types a SMART Scheduling Links publication lists in its `$bulk-publish` manifest. */
export type FhirOutputType = 'Location' | 'Schedule' | 'Slot';

export interface ManifestOutput {
  type: FhirOutputType;
  url: string;
}

/** A FHIR resource as read from NDJSON: checked to be an object of the expected type, its fields unknown. */
export type FhirResource = { resourceType: string; id?: unknown } & Record<string, unknown>;

const OUTPUT_TYPES: readonly string[] = ['Location', 'Schedule', 'Slot'];

/**
 * The Location, Schedule and Slot outputs of a `$bulk-publish` manifest, their URLs resolved
 * against the manifest's own. Other outputs are ignored; no Slot output is an error.
 */
export function parseManifest(text: string, manifestUrl: string): ManifestOutput[] {
  const manifest = parseJson(text, 'Manifeste $bulk-publish illisible');
  const output = isObject(manifest) ? manifest['output'] : undefined;
  if (!Array.isArray(output)) throw new FeedError('Manifeste $bulk-publish sans liste « output ».');
  const outputs: ManifestOutput[] = [];
  for (const entry of output) {
    if (!isObject(entry) || typeof entry['type'] !== 'string' || !OUTPUT_TYPES.includes(entry['type'])) continue;
    if (typeof entry['url'] !== 'string') throw new FeedError(`Sortie ${entry['type']} du manifeste sans URL.`);
    outputs.push({ type: entry['type'] as FhirOutputType, url: resolveUrl(entry['url'], manifestUrl) });
  }
  if (!outputs.some((entry) => entry.type === 'Slot')) throw new FeedError('Le manifeste ne liste aucune sortie Slot.');
  return outputs;
}

/** One resource a line; blank lines are allowed, anything else that is not a resource of `type` is an error. */
export function parseNdjson(text: string, type: FhirOutputType, url: string): FhirResource[] {
  const resources: FhirResource[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `ligne ${index + 1} de ${url}`;
    const resource = parseJson(line, `NDJSON illisible (${where})`);
    if (!isObject(resource) || resource['resourceType'] !== type) {
      throw new FeedError(`Ressource ${type} attendue (${where}).`);
    }
    resources.push(resource as FhirResource);
  });
  return resources;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string, failure: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FeedError(`${failure} : ${error instanceof Error ? error.message : String(error)}.`);
  }
}

function resolveUrl(url: string, base: string): string {
  let resolved: URL;
  try {
    resolved = new URL(url, base);
  } catch {
    throw new FeedError(`URL invalide dans le manifeste : ${url}.`);
  }
  if (resolved.protocol !== 'http:' && resolved.protocol !== 'https:') {
    throw new FeedError(`URL refusée dans le manifeste (http ou https seulement) : ${url}.`);
  }
  return resolved.toString();
}
