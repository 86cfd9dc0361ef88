import { timeLeft } from './time-left';

const policy = { targetDelayHours: 48, maximumDelayHours: 72 };
const request = { targetAt: '2026-11-25T10:00:00Z', maximumAt: '2026-11-26T10:00:00Z' };

describe('timeLeft', () => {
  it('counts the hours left before the 48 h target', () => {
    expect(timeLeft(request, new Date('2026-11-24T02:30:00Z'), policy)).toEqual({ status: 'on-time', label: '31 h avant 48 h' });
  });

  it('counts minutes in the last hour', () => {
    expect(timeLeft(request, new Date('2026-11-25T09:20:00Z'), policy).label).toBe('40 min avant 48 h');
  });

  it('past the target, counts down to the 72 h maximum', () => {
    expect(timeLeft(request, new Date('2026-11-26T05:00:00Z'), policy)).toEqual({
      status: 'past-target',
      label: '48 h dépassé — 5 h avant 72 h',
    });
  });

  it('past the maximum, says by how much', () => {
    expect(timeLeft(request, new Date('2026-11-26T13:00:00Z'), policy)).toEqual({
      status: 'past-maximum',
      label: '72 h dépassé de 3 h',
    });
  });
});
