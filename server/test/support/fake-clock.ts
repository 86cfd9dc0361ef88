import { Clock } from '../../src/jobs/clock';

/** A clock the test sets: the jobs see the time it says, and no test waits for real time to pass. */
export class FakeClock extends Clock {
  constructor(private current: Date = new Date()) {
    super();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string | number): void {
    this.current = new Date(instant);
  }
}
