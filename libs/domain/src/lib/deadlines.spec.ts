import { deadlineStatus, requestDeadlines } from './deadlines';

describe('request deadlines', () => {
  const received = new Date('2026-03-28T10:00:00+01:00');

  it('adds the 48 h target and the 72 h maximum in absolute time, across the spring DST change', () => {
    const { target, maximum } = requestDeadlines(received);
    expect(target.toISOString()).toBe('2026-03-30T09:00:00.000Z');
    expect(maximum.toISOString()).toBe('2026-03-31T09:00:00.000Z');
  });

  it('follows a territory policy', () => {
    const { target } = requestDeadlines(received, { targetDelayHours: 24, maximumDelayHours: 48 });
    expect(target.toISOString()).toBe('2026-03-29T09:00:00.000Z');
  });

  it('refuses a target after the maximum', () => {
    expect(() => requestDeadlines(received, { targetDelayHours: 80, maximumDelayHours: 72 })).toThrow(RangeError);
  });

  it.each([
    ['2026-03-29T10:00:00Z', 'on-time'],
    ['2026-03-30T09:00:01Z', 'past-target'],
    ['2026-03-31T09:00:01Z', 'past-maximum'],
  ])('at %s a request is %s', (now, status) => {
    expect(deadlineStatus(requestDeadlines(received), new Date(now))).toBe(status);
  });
});
