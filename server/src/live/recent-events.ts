import type { LiveEvent } from '@creneau/contracts';

/** A delivered event and the rooms it went to. */
export interface LiveEntry {
  event: LiveEvent;
  rooms: readonly string[];
}

/**
 * The latest events in id order, kept for catch-up: at most `capacity`, none older than `maxAgeMs`.
 * Every event with an id above `coveredAfter` is here; a console further behind must resync.
 */
export class RecentEvents {
  private entries: LiveEntry[] = [];
  /** Entries before this index are dropped; compacted once they are many. */
  private start = 0;
  private coveredAfter = 0;

  constructor(
    private readonly capacity: number,
    private readonly maxAgeMs: number,
  ) {}

  /** Starts over from what the database still holds; `coveredAfter` is the greatest id not among `entries`. */
  reset(entries: LiveEntry[], coveredAfter: number): void {
    this.entries = entries;
    this.start = 0;
    this.coveredAfter = coveredAfter;
    this.trim(Date.now());
  }

  push(entry: LiveEntry): void {
    this.entries.push(entry);
    this.trim(Date.now());
  }

  /** The events after `after`, oldest first; undefined when some of them are no longer kept. */
  since(after: number, now = Date.now()): readonly LiveEntry[] | undefined {
    this.trim(now);
    if (after < this.coveredAfter) return undefined;
    let low = this.start;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.entries[middle].event.id > after) high = middle;
      else low = middle + 1;
    }
    return this.entries.slice(low);
  }

  private trim(now: number): void {
    let start = Math.max(this.start, this.entries.length - this.capacity);
    while (start < this.entries.length && now - Date.parse(this.entries[start].event.occurredAt) > this.maxAgeMs) start++;
    if (start === this.start) return;
    this.coveredAfter = this.entries[start - 1].event.id;
    this.start = start;
    if (this.start >= this.capacity) {
      this.entries = this.entries.slice(this.start);
      this.start = 0;
    }
  }
}
