import { FeedError } from './feed-error';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

/** A centre's system that does not answer within 10 s is down for this run; 20 MB is far beyond any real feed. */
export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 10_000, maxBytes: 20 * 1024 * 1024 };

/** The body of `url` as text; every way it can fail becomes a FeedError with a French message. */
export async function fetchText(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<string> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(limits.timeoutMs),
      headers: { accept: 'text/calendar, application/json, application/fhir+ndjson, */*;q=0.5' },
    });
    if (!response.ok) throw new FeedError(`La source a répondu HTTP ${response.status} pour ${url}.`);
    return await readCapped(response, url, limits.maxBytes);
  } catch (error) {
    throw asFeedError(error, url, limits);
  }
}

async function readCapped(response: Response, url: string, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes)
      throw new FeedError(`Réponse trop volumineuse (plus de ${Math.round(maxBytes / 1048576)} Mo) pour ${url}.`);
    chunks.push(chunk);
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

function asFeedError(error: unknown, url: string, limits: FetchLimits): FeedError {
  if (error instanceof FeedError) return error;
  const name = field(error, 'name');
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new FeedError(`Pas de réponse de la source en ${limits.timeoutMs / 1000} s : ${url}.`);
  }
  // undici reports network failures as "fetch failed" with the system error (ECONNREFUSED…) as the cause.
  const cause: unknown = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined;
  const detail = field(cause, 'code') ?? field(cause, 'message') ?? field(error, 'message') ?? String(error);
  return new FeedError(`Source injoignable (${detail}) : ${url}.`);
}

/** A string property of an error, read without `instanceof`: undici's errors may come from another realm. */
function field(value: unknown, key: 'name' | 'code' | 'message'): string | undefined {
  if (typeof value !== 'object' || value === null || !(key in value)) return undefined;
  const found: unknown = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : undefined;
}
