import type { LiveEvent } from '@creneau/contracts';
import { LiveEntry, RecentEvents } from './recent-events';

const NOW = Date.parse('2026-03-10T10:00:00Z');

function entry(id: number, ageMs = 0): LiveEntry {
  const event = { id, occurredAt: new Date(NOW - ageMs).toISOString() } as LiveEvent;
  return { event, rooms: ['territory:t'] };
}

const ids = (entries: readonly LiveEntry[] | undefined) => entries?.map((e) => e.event.id);

describe('recent events kept for catch-up', () => {
  beforeEach(() => jest.useFakeTimers({ now: NOW }));
  afterEach(() => jest.useRealTimers());

  it('gives the events after a position, in order, across the gaps of rolled-back ids', () => {
    const recent = new RecentEvents(10, 60_000);
    recent.reset([], 0);
    for (const id of [1, 2, 4, 7]) recent.push(entry(id));
    expect(ids(recent.since(0, NOW))).toEqual([1, 2, 4, 7]);
    expect(ids(recent.since(2, NOW))).toEqual([4, 7]);
    expect(ids(recent.since(3, NOW))).toEqual([4, 7]);
    expect(ids(recent.since(7, NOW))).toEqual([]);
  });

  it('refuses a position older than what it keeps, by count', () => {
    const recent = new RecentEvents(3, 60_000);
    recent.reset([], 0);
    for (let id = 1; id <= 5; id++) recent.push(entry(id));
    expect(ids(recent.since(2, NOW))).toEqual([3, 4, 5]);
    expect(recent.since(1, NOW)).toBeUndefined();
  });

  it('refuses a position older than what it keeps, by age', () => {
    const recent = new RecentEvents(100, 60_000);
    recent.reset([entry(10, 90_000), entry(11, 30_000)], 9);
    expect(ids(recent.since(10, NOW))).toEqual([11]);
    expect(recent.since(9, NOW)).toBeUndefined();
  });

  it('starts from the database: what is older than the first kept event is not covered', () => {
    const recent = new RecentEvents(100, 60_000);
    recent.reset([entry(40), entry(41)], 38);
    expect(ids(recent.since(38, NOW))).toEqual([40, 41]);
    expect(recent.since(37, NOW)).toBeUndefined();
  });

  it('stays right while compacting its storage', () => {
    const recent = new RecentEvents(4, 60_000);
    recent.reset([], 0);
    for (let id = 1; id <= 50; id++) recent.push(entry(id));
    expect(ids(recent.since(46, NOW))).toEqual([47, 48, 49, 50]);
    expect(recent.since(45, NOW)).toBeUndefined();
  });
});
