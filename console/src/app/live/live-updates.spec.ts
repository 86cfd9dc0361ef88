import { TestBed } from '@angular/core/testing';
import { Observable, of, throwError } from 'rxjs';
import { LiveUpdates, POLL_MS } from './live-updates';

describe('LiveUpdates', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('reads at once, then again every few seconds; a failure marks the connection lost until a read succeeds', () => {
    const live = TestBed.inject(LiveUpdates);
    const answers: Observable<number>[] = [of(1), throwError(() => new Error('down')), of(3)];
    const seen: number[] = [];
    const subscription = live.watch('queue', () => answers.shift() ?? of(0)).subscribe((value) => seen.push(value));

    jest.advanceTimersByTime(0);
    expect(seen).toEqual([1]);
    expect(live.connection()).toBe('connected');
    jest.advanceTimersByTime(POLL_MS.queue);
    expect(live.connection()).toBe('lost');
    jest.advanceTimersByTime(POLL_MS.queue);
    expect(seen).toEqual([1, 3]);
    expect(live.connection()).toBe('connected');
    subscription.unsubscribe();
  });
});
