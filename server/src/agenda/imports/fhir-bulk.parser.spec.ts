import { FeedError } from './feed-error';
import { parseManifest, parseNdjson } from './fhir-bulk.parser';

describe('parseManifest', () => {
  it('lists the Location, Schedule and Slot outputs, resolving relative URLs against the manifest’s', () => {
    const manifest = JSON.stringify({
      transactionTime: '2026-06-01T00:00:00Z',
      output: [
        { type: 'Location', url: 'locations.ndjson' },
        { type: 'Schedule', url: 'https://other.example/schedules.ndjson' },
        { type: 'Slot', url: '/slots/week-23.ndjson', extension: { state: ['85'] } },
        { type: 'Practitioner', url: 'ignored.ndjson' },
      ],
      error: [],
    });
    expect(parseManifest(manifest, 'https://centre.example/fhir/$bulk-publish')).toEqual([
      { type: 'Location', url: 'https://centre.example/fhir/locations.ndjson' },
      { type: 'Schedule', url: 'https://other.example/schedules.ndjson' },
      { type: 'Slot', url: 'https://centre.example/slots/week-23.ndjson' },
    ]);
  });

  it.each([
    ['not JSON', 'BEGIN:VCALENDAR', /illisible/],
    ['no output list', '{"transactionTime":"x"}', /sans liste/],
    ['no Slot output', '{"output":[{"type":"Schedule","url":"s.ndjson"}]}', /aucune sortie Slot/],
    ['a file: URL', '{"output":[{"type":"Slot","url":"file:///etc/passwd"}]}', /http ou https/],
  ])('refuses a manifest with %s', (_label, text, message) => {
    expect(() => parseManifest(text, 'https://centre.example/$bulk-publish')).toThrow(FeedError);
    expect(() => parseManifest(text, 'https://centre.example/$bulk-publish')).toThrow(message);
  });
});

describe('parseNdjson', () => {
  it('reads one resource a line, blank lines allowed', () => {
    const text = '{"resourceType":"Slot","id":"1"}\n\n{"resourceType":"Slot","id":"2"}\n';
    expect(parseNdjson(text, 'Slot', 'slots.ndjson').map((slot) => slot.id)).toEqual(['1', '2']);
  });

  it('refuses a broken line or a resource of another type, saying where', () => {
    expect(() => parseNdjson('{"resourceType":"Slot","id":"1"}\n{"resourceType":', 'Slot', 'slots.ndjson')).toThrow(
      /ligne 2 de slots\.ndjson/,
    );
    expect(() => parseNdjson('{"resourceType":"Patient","id":"1"}', 'Slot', 'slots.ndjson')).toThrow(FeedError);
  });
});
