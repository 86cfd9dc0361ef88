import type { ICalTZDateStub } from 'ical-generator';

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * Offsets of one time zone (minutes east of UTC), read from Intl and remembered per UTC day when the
 * day has a single offset, as every day but the two changeover days a year: a feed of thousands of
 * events asks Intl a few dozen times.
 */
export class ZoneOffsets {
  private readonly format: Intl.DateTimeFormat;
  /** By UTC day: its offset, or null on a day the offset changes. */
  private readonly days = new Map<number, number | null>();

  constructor(readonly timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  at(instant: number): number {
    const day = Math.floor(instant / DAY);
    let offset = this.days.get(day);
    if (offset === undefined) {
      const first = this.read(day * DAY);
      offset = first === this.read((day + 1) * DAY - 1) ? first : null;
      this.days.set(day, offset);
    }
    return offset ?? this.read(instant);
  }

  private read(instant: number): number {
    const parts: Record<string, number> = {};
    for (const part of this.format.formatToParts(instant)) parts[part.type] = Number(part.value);
    const wall = Date.UTC(parts['year'], parts['month'] - 1, parts['day'], parts['hour'], parts['minute'], parts['second']);
    return Math.round((wall - Math.floor(instant / 1000) * 1000) / MINUTE);
  }
}

/**
 * An instant whose local getters (getHours()…) read the wall clock of one time zone, whatever the
 * server's own: the shape of date-fns' TZDate, which ical-generator writes as
 * `DTSTART;TZID=<zone>:<wall time>`. Luxon does the same at several times the cost (docs/benchmarks.md).
 */
export class ZonedDate extends Date implements ICalTZDateStub {
  /** The wall time, held in the UTC fields of a plain Date. */
  readonly internal: Date;
  private readonly offset: number;

  constructor(
    instant: Date,
    readonly timeZone: string,
    offsets: ZoneOffsets,
  ) {
    super(instant.getTime());
    this.offset = offsets.at(instant.getTime());
    this.internal = new Date(instant.getTime() + this.offset * MINUTE);
  }

  /** ical-generator asks for the event's zone (or none, for UTC): only this date's own zone is known here. */
  withTimeZone(timeZone?: string | null): ZonedDate {
    if (timeZone && timeZone !== this.timeZone) throw new RangeError(`${this.timeZone} date asked in ${timeZone}.`);
    return this;
  }

  /** The offset as TZDate gives it: sign, hours, minutes. */
  tzComponents(): [string, string, string] {
    const minutes = Math.abs(this.offset);
    const pad = (value: number) => String(value).padStart(2, '0');
    return [this.offset < 0 ? '-' : '+', pad(Math.floor(minutes / 60)), pad(minutes % 60)];
  }

  override getFullYear(): number {
    return this.internal.getUTCFullYear();
  }

  override getMonth(): number {
    return this.internal.getUTCMonth();
  }

  override getDate(): number {
    return this.internal.getUTCDate();
  }

  override getDay(): number {
    return this.internal.getUTCDay();
  }

  override getHours(): number {
    return this.internal.getUTCHours();
  }

  override getMinutes(): number {
    return this.internal.getUTCMinutes();
  }

  override getSeconds(): number {
    return this.internal.getUTCSeconds();
  }

  override getMilliseconds(): number {
    return this.internal.getUTCMilliseconds();
  }

  override getTimezoneOffset(): number {
    return -this.offset;
  }
}
