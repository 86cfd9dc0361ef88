import { FeedError } from './feed-error';
import { parseIcalFeed } from './ical-feed.parser';
import type { ImportContext } from './imported-slot';

const calendar = (...events: string[][]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Créneau//FR', ...events.flat(), 'END:VCALENDAR'].join('\r\n');
const event = (...lines: string[]) => ['BEGIN:VEVENT', 'DTSTAMP:20260101T000000Z', ...lines, 'END:VEVENT'];

const context = (from: string, overrides: Partial<ImportContext> = {}): ImportContext => ({
  window: { from: new Date(from), to: new Date(new Date(from).getTime() + 21 * 86_400_000) },
  timezone: 'Europe/Paris',
  sourceModality: null,
  centreModalities: ['radiography', 'ultrasound', 'ct', 'mri'],
  ...overrides,
});

const starts = (text: string, from: string, overrides?: Partial<ImportContext>) =>
  parseIcalFeed(text, 'URGENCE', context(from, overrides)).slots.map((slot) => [slot.externalId, slot.startsAt.toISOString()]);

describe('parseIcalFeed', () => {
  it('imports a marked event with its modality, local time and details', () => {
    const feed = parseIcalFeed(
      calendar(
        event(
          'UID:one@centre',
          'SUMMARY:Urgence IRM',
          'LOCATION:Salle 2',
          'DTSTART;TZID=Europe/Paris:20260601T110000',
          'DTEND;TZID=Europe/Paris:20260601T113000',
        ),
      ),
      'urgence',
      context('2026-05-25T00:00:00Z'),
    );
    expect(feed).toEqual({
      slots: [
        {
          externalId: 'one@centre',
          modality: 'mri',
          startsAt: new Date('2026-06-01T09:00:00Z'),
          endsAt: new Date('2026-06-01T09:30:00Z'),
          capacity: 1,
          details: { summary: 'Urgence IRM', location: 'Salle 2' },
        },
      ],
      skipped: [],
    });
  });

  it('finds the marker in the categories, in any case and accents', () => {
    const text = calendar(
      event('UID:cat', 'SUMMARY:Échographie', 'CATEGORIES:Rendez-vous,urgence', 'DTSTART:20260601T080000Z', 'DURATION:PT20M'),
    );
    expect(parseIcalFeed(text, 'URGENCE', context('2026-05-25T00:00:00Z')).slots).toEqual([
      expect.objectContaining({ externalId: 'cat', modality: 'ultrasound', endsAt: new Date('2026-06-01T08:20:00Z') }),
    ]);
    expect(parseIcalFeed(text, 'urgénce', context('2026-05-25T00:00:00Z')).slots).toHaveLength(1);
  });

  it('leaves out events without the marker, cancelled ones and those outside the window, silently', () => {
    const text = calendar(
      event('UID:plain', 'SUMMARY:Scanner programmé', 'DTSTART:20260601T080000Z', 'DTEND:20260601T083000Z'),
      event('UID:cancelled', 'SUMMARY:URGENCE scanner', 'STATUS:CANCELLED', 'DTSTART:20260601T090000Z', 'DTEND:20260601T093000Z'),
      event('UID:past', 'SUMMARY:URGENCE scanner', 'DTSTART:20260501T090000Z', 'DTEND:20260501T093000Z'),
      event('UID:far', 'SUMMARY:URGENCE scanner', 'DTSTART:20260801T090000Z', 'DTEND:20260801T093000Z'),
    );
    expect(parseIcalFeed(text, 'URGENCE', context('2026-05-25T00:00:00Z'))).toEqual({ slots: [], skipped: [] });
  });

  it('expands a weekly rule with ical.js across the last Sunday of March: 09:00 stays 09:00', () => {
    const text = calendar(
      event(
        'UID:weekly',
        'SUMMARY:URGENCE radio',
        'DTSTART;TZID=Europe/Paris:20260316T090000',
        'DTEND;TZID=Europe/Paris:20260316T093000',
        'RRULE:FREQ=WEEKLY;BYDAY=MO',
      ),
    );
    expect(starts(text, '2026-03-20T00:00:00Z')).toEqual([
      ['weekly/2026-03-23T08:00:00.000Z', '2026-03-23T08:00:00.000Z'],
      ['weekly/2026-03-30T07:00:00.000Z', '2026-03-30T07:00:00.000Z'],
      ['weekly/2026-04-06T07:00:00.000Z', '2026-04-06T07:00:00.000Z'],
    ]);
  });

  it('and across the last Sunday of October, with an excluded date, a moved and a cancelled occurrence', () => {
    const text = calendar(
      event(
        'UID:autumn',
        'SUMMARY:URGENCE écho',
        'DTSTART;TZID=Europe/Paris:20261013T140000',
        'DTEND;TZID=Europe/Paris:20261013T143000',
        'RRULE:FREQ=WEEKLY;BYDAY=TU,TH;COUNT=20',
        'EXDATE;TZID=Europe/Paris:20261022T140000',
      ),
      event(
        'UID:autumn',
        'RECURRENCE-ID;TZID=Europe/Paris:20261027T140000',
        'SUMMARY:URGENCE écho',
        'DTSTART;TZID=Europe/Paris:20261027T160000',
        'DTEND;TZID=Europe/Paris:20261027T163000',
      ),
      event(
        'UID:autumn',
        'RECURRENCE-ID;TZID=Europe/Paris:20261029T140000',
        'SUMMARY:URGENCE écho',
        'STATUS:CANCELLED',
        'DTSTART;TZID=Europe/Paris:20261029T140000',
        'DTEND;TZID=Europe/Paris:20261029T143000',
      ),
    );
    expect(starts(text, '2026-10-19T00:00:00Z').slice(0, 4)).toEqual([
      ['autumn/2026-10-20T12:00:00.000Z', '2026-10-20T12:00:00.000Z'],
      ['autumn/2026-10-27T13:00:00.000Z', '2026-10-27T15:00:00.000Z'],
      ['autumn/2026-11-03T13:00:00.000Z', '2026-11-03T13:00:00.000Z'],
      ['autumn/2026-11-05T13:00:00.000Z', '2026-11-05T13:00:00.000Z'],
    ]);
  });

  it('reads times in the feed’s own VTIMEZONE, floating times in the territory’s zone, UTC as is', () => {
    const text = calendar(
      [
        'BEGIN:VTIMEZONE',
        'TZID:Romance Standard Time',
        'BEGIN:STANDARD',
        'DTSTART:16011028T030000',
        'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
        'BEGIN:DAYLIGHT',
        'DTSTART:16010325T020000',
        'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
        'TZOFFSETFROM:+0100',
        'TZOFFSETTO:+0200',
        'END:DAYLIGHT',
        'END:VTIMEZONE',
      ],
      event('UID:outlook', 'SUMMARY:URGENCE CT', 'DTSTART;TZID=Romance Standard Time:20260601T100000', 'DURATION:PT15M'),
      event('UID:floating', 'SUMMARY:URGENCE CT', 'DTSTART:20260602T100000', 'DTEND:20260602T101500'),
      event('UID:utc', 'SUMMARY:URGENCE CT', 'DTSTART:20260603T100000Z', 'DTEND:20260603T101500Z'),
    );
    expect(starts(text, '2026-05-25T00:00:00Z')).toEqual([
      ['outlook', '2026-06-01T08:00:00.000Z'],
      ['floating', '2026-06-02T08:00:00.000Z'],
      ['utc', '2026-06-03T10:00:00.000Z'],
    ]);
  });

  it('takes the source’s modality when the event names none, and reports what it cannot import', () => {
    const text = calendar(
      event('UID:plain', 'SUMMARY:URGENCE', 'DTSTART:20260601T080000Z', 'DTEND:20260601T083000Z'),
      event('UID:allday', 'SUMMARY:URGENCE IRM', 'DTSTART;VALUE=DATE:20260602', 'DTEND;VALUE=DATE:20260603'),
      event('UID:zone', 'SUMMARY:URGENCE IRM', 'DTSTART;TZID=Mars/Olympus:20260602T100000', 'DURATION:PT15M'),
      event('UID:mri', 'SUMMARY:URGENCE IRM', 'DTSTART:20260603T080000Z', 'DTEND:20260603T083000Z'),
    );
    const withoutModality = parseIcalFeed(text, 'URGENCE', context('2026-05-25T00:00:00Z', { centreModalities: ['ct'] }));
    expect(withoutModality.slots).toEqual([]);
    expect(withoutModality.skipped).toEqual([
      { externalId: 'plain', reason: expect.stringMatching(/^Modalité inconnue/) },
      { externalId: 'allday', reason: expect.stringMatching(/journée entière/) },
      { externalId: 'zone', reason: expect.stringMatching(/Fuseau horaire inconnu/) },
      { externalId: 'mri', reason: 'Modalité non proposée par le centre : IRM.' },
    ]);
    const withModality = parseIcalFeed(text, 'URGENCE', context('2026-05-25T00:00:00Z', { sourceModality: 'ct' }));
    expect(withModality.slots.map((slot) => [slot.externalId, slot.modality])).toEqual([
      ['plain', 'ct'],
      ['mri', 'mri'],
    ]);
  });

  it.each([
    ['an empty body', ''],
    ['an HTML page', '<html><body>Maintenance</body></html>'],
    ['an unterminated calendar', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'],
    ['JSON', '{"events": []}'],
  ])('refuses %s with a FeedError', (_label, text) => {
    expect(() => parseIcalFeed(text, null, context('2026-05-25T00:00:00Z'))).toThrow(FeedError);
  });
});
