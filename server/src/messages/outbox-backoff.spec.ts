import { isPermanent, MAX_ATTEMPTS, retryDelayMs } from './outbox-backoff';

describe('outbox back-off', () => {
  it('doubles from a minute up to two hours', () => {
    expect([1, 2, 3, 4, 7, 8, 9].map((attempts) => retryDelayMs(attempts) / 60_000)).toEqual([1, 2, 4, 8, 64, 120, 120]);
    const total = Array.from({ length: MAX_ATTEMPTS - 1 }, (_, index) => retryDelayMs(index + 1)).reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeGreaterThan(6);
  });

  it('gives up at once on an SMTP 5xx only', () => {
    expect(isPermanent(Object.assign(new Error('550 unknown mailbox'), { responseCode: 550 }))).toBe(true);
    expect(isPermanent(Object.assign(new Error('451 try later'), { responseCode: 451 }))).toBe(false);
    expect(isPermanent(new Error('ECONNREFUSED'))).toBe(false);
    expect(isPermanent(null)).toBe(false);
  });
});
