import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';

export interface FeedResponse {
  status?: number;
  contentType?: string;
  body: string;
}

/** A real HTTP server on 127.0.0.1 standing for the centres' own systems; each path answers what the test set. */
export interface FeedServer {
  url(path: string): string;
  /** Serves `body` (or a full response) at `path` from now on. */
  set(path: string, response: string | FeedResponse): void;
  /** How many requests each path received. */
  hits(path: string): number;
  close(): Promise<void>;
}

export async function startFeedServer(): Promise<FeedServer> {
  const responses = new Map<string, FeedResponse>();
  const hits = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const found = responses.get(path);
    if (!found) return void response.writeHead(404).end('not found');
    response.writeHead(found.status ?? 200, { 'content-type': found.contentType ?? 'text/plain; charset=utf-8' }).end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path) => `${base}${path}`,
    set: (path, response) => responses.set(path, typeof response === 'string' ? { body: response } : response),
    hits: (path) => hits.get(path) ?? 0,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export const SMART_FIXTURE_DIR = join(__dirname, 'smart-scheduling-links');

/**
 * Serves the SMART Scheduling Links example publication under `prefix`, the manifest's output
 * URLs rewritten to this server. Answers the manifest's URL.
 */
export function serveSmartFixture(feeds: FeedServer, prefix: string): string {
  for (const file of readdirSync(SMART_FIXTURE_DIR).filter((name) => name.endsWith('.ndjson'))) {
    feeds.set(`${prefix}/${file}`, readFileSync(join(SMART_FIXTURE_DIR, file), 'utf8'));
  }
  const manifest = JSON.parse(readFileSync(join(SMART_FIXTURE_DIR, '$bulk-publish'), 'utf8')) as {
    output: { type: string; url: string }[];
  };
  for (const output of manifest.output) output.url = feeds.url(`${prefix}/${basename(output.url)}`);
  feeds.set(`${prefix}/$bulk-publish`, { body: JSON.stringify(manifest), contentType: 'application/json' });
  return feeds.url(`${prefix}/$bulk-publish`);
}

/** An iCalendar text from VEVENT lines, CRLF-terminated as RFC 5545 wants. */
export function icalendar(...events: string[][]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Centre de test//Agenda//FR'];
  for (const event of events) lines.push('BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...event, 'END:VEVENT');
  return [...lines, 'END:VCALENDAR', ''].join('\r\n');
}

/** iCal UTC date-time (20260601T090000Z) of an instant. */
export function icalUtc(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}
