import { countsLabel, durationLabel } from './job-run-labels';

describe('job run labels', () => {
  it('says what a run did, in French, leaving out the zeros and keeping unknown counts by name', () => {
    expect(countsLabel('slot-release', { released: 3, failed: 0 })).toBe('3 créneaux libérés');
    expect(countsLabel('chase', { unansweredBookings: 1, nearTarget: 2, sentMessages: 4 })).toBe(
      '1 réservations relancées · 2 demandes proches de l’objectif · 4 sentMessages',
    );
    expect(countsLabel('slot-release', { released: 0 })).toBe('Rien à faire');
    expect(countsLabel('retention', {})).toBe('Rien à faire');
  });

  it('reads a count by its job: a failure of the outbox is a message, of the poller an import', () => {
    expect(countsLabel('outbox-send', { sent: 3, retrying: 1, failed: 2 })).toBe(
      '3 messages envoyés · 1 messages à renvoyer · 2 messages en échec',
    );
    expect(countsLabel('import-poll', { sources: 2, failed: 1 })).toBe('2 sources importées · 1 imports en échec');
  });

  it('gives the duration of a run, nothing while it runs', () => {
    expect(durationLabel('2026-11-24T10:00:00.000Z', '2026-11-24T10:00:00.300Z')).toBe('< 1 s');
    expect(durationLabel('2026-11-24T10:00:00.000Z', '2026-11-24T10:00:12.400Z')).toBe('12 s');
    expect(durationLabel('2026-11-24T10:00:00.000Z', '2026-11-24T10:02:05.000Z')).toBe('2 min 05 s');
    expect(durationLabel('2026-11-24T10:00:00.000Z', null)).toBe('');
  });
});
