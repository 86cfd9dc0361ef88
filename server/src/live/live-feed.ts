import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { Subject } from 'rxjs';
import { DataSource } from 'typeorm';
import type { LiveEvent } from '@creneau/contracts';
import { eventRooms } from './live-rooms';
import { SEALED, sealLiveEvents, sealLiveEventsOn } from './live-seal';
import { LiveEntry, RecentEvents } from './recent-events';

/** How many events a reconnecting console may catch up on, at most (beyond: resync). */
export const CATCH_UP_MAX_AGE_MS = 24 * 3_600_000;
/** Events kept in memory for catch-up, every audience together. */
const RECENT_CAPACITY = 10_000;
const BATCH = 500;
/** Reads anyway this often, should a notification be lost while the listening connection reconnects. */
const SAFETY_POLL_MS = 2_000;
const RELISTEN_MS = 1_000;

interface LiveEventRow {
  id: string;
  occurred_at: Date;
  type: LiveEvent['type'];
  entity: LiveEvent['entity'];
  entity_id: string;
  version: number;
  territory_id: string;
  centre_ids: string[];
  doctor_rpps: string | null;
  payload: LiveEvent['data'];
}

const COLUMNS = `id, occurred_at, type, entity, entity_id, version, territory_id, centre_ids, doctor_rpps, payload`;

/**
 * This instance's reading of the live_event table, in id order. Writers insert events without an id; their
 * commit sends a NOTIFY, and on each wake the feed first seals (live-seal.ts): it numbers the committed events
 * still without one, after their commit and outside the writers' transactions. Every instance's feed seals,
 * one sealer at a time under an advisory lock held through the sealer's commit, so ids follow the order of
 * sealing and become visible in that order: everything up to the greatest id read is settled, reading
 * `id > head` never skips an event sealed later, and each event is read once. A seal sends a NOTIFY of its
 * own, for the other instances to read what it numbered. Woken by these notifications, and by a slow poll as
 * a safety net. Every instance seals and reads for itself: no leader, nothing lost if one dies.
 */
@Injectable()
export class LiveFeed implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LiveFeed.name);
  private readonly events = new Subject<LiveEntry>();
  /** Each event as it is read, synchronously and in id order. */
  readonly events$ = this.events.asObservable();
  readonly recent = new RecentEvents(RECENT_CAPACITY, CATCH_UP_MAX_AGE_MS);
  private cursor = 0;
  private reading?: Promise<void>;
  private readAgain = false;
  /** Whether the next round seals first: not when woken only by another instance's seal. */
  private sealNext = true;
  private listener?: Client;
  /** The listener once it listens: it also serves the seals and the reads. */
  private listening?: Client;
  /** The listener's backend, whose own seals' notifications need no other round. */
  private listeningPid?: number;
  private timer?: NodeJS.Timeout;
  private waiters: { position: number; resolve: (reached: boolean) => void }[] = [];
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The id of the last event read: every event up to it has been delivered. */
  get head(): number {
    return this.cursor;
  }

  async onApplicationBootstrap(): Promise<void> {
    await sealLiveEventsOn(this.dataSource); // what committed while no instance ran
    await this.loadRecent();
    await this.listen();
    this.timer = setInterval(() => this.wake(), SAFETY_POLL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    for (const waiter of this.waiters) waiter.resolve(false);
    this.waiters = [];
    await this.reading;
    const listener = this.listener;
    this.listener = undefined;
    this.listening = undefined;
    await listener?.end().catch(() => undefined);
    this.events.complete();
  }

  /** Resolves true once the feed has read up to `position`, false after `timeoutMs`. */
  reached(position: number, timeoutMs: number): Promise<boolean> {
    if (position <= this.cursor) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = {
        position,
        resolve: (reached: boolean) => {
          clearTimeout(timer);
          this.waiters = this.waiters.filter((other) => other !== waiter);
          resolve(reached);
        },
      };
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      this.waiters.push(waiter);
      this.wake();
    });
  }

  /**
   * Seals (unless `seal` is false) and reads what is new; a call while reading makes the reading go round once
   * more, so a notification arriving during a round is never left for the safety poll.
   */
  wake(seal = true): void {
    if (this.stopped) return;
    if (seal) this.sealNext = true;
    if (this.reading) {
      this.readAgain = true;
      return;
    }
    this.reading = this.readNew()
      .catch((error: unknown) => this.logger.warn(`Could not read live events: ${String(error)}`))
      .finally(() => (this.reading = undefined));
  }

  /** Resolves once a round started after this call has sealed and read (or failed). */
  async settle(): Promise<void> {
    this.wake();
    await this.reading;
  }

  private async readNew(): Promise<void> {
    do {
      this.readAgain = false;
      if (this.sealNext) {
        this.sealNext = false;
        await this.seal().catch((error: unknown) => {
          this.sealNext = true; // the next wake tries again
          throw error;
        });
      }
      let rows: LiveEventRow[];
      do {
        rows = await this.read(`SELECT ${COLUMNS} FROM live_event WHERE id > $1 ORDER BY id LIMIT $2`, [this.cursor, BATCH]);
        for (const row of rows) this.publish(toEntry(row));
        this.settleWaiters();
      } while (rows.length === BATCH && !this.stopped);
    } while (this.readAgain && !this.stopped);
  }

  /** On the listening connection when it is up, as the reads. */
  private async seal(): Promise<void> {
    const listening = this.listening;
    await (listening ? sealLiveEvents(listening) : sealLiveEventsOn(this.dataSource));
  }

  /** On the listening connection when it is up: no wait for the app's pool, busy with the very changes being told. */
  private async read(sql: string, parameters: unknown[]): Promise<LiveEventRow[]> {
    const listening = this.listening;
    if (listening) return (await listening.query<LiveEventRow>(sql, parameters)).rows;
    return (await this.dataSource.query(sql, parameters)) as LiveEventRow[];
  }

  private publish(entry: LiveEntry): void {
    this.cursor = entry.event.id;
    this.recent.push(entry);
    this.events.next(entry);
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters.filter((candidate) => candidate.position <= this.cursor)) waiter.resolve(true);
  }

  /** The latest events the table holds, so that consoles reconnecting here after another instance catch up too. */
  private async loadRecent(): Promise<void> {
    const rows = (
      (await this.dataSource.query(
        `SELECT ${COLUMNS} FROM live_event WHERE occurred_at > now() - make_interval(secs => $1)
          ORDER BY id DESC LIMIT $2`,
        [CATCH_UP_MAX_AGE_MS / 1000, RECENT_CAPACITY],
      )) as LiveEventRow[]
    ).reverse();
    const [{ before, last }] = (await this.dataSource.query(
      `SELECT (SELECT max(id) FROM live_event WHERE id < $1) AS before, (SELECT max(id) FROM live_event) AS last`,
      [rows[0]?.id ?? '9223372036854775807'],
    )) as { before: string | null; last: string | null }[];
    const entries = rows.map(toEntry);
    this.cursor = Number(rows.at(-1)?.id ?? last ?? 0);
    this.recent.reset(entries, Number(before ?? 0));
  }

  /** A connection of its own for LISTEN, re-opened when lost. */
  private async listen(): Promise<void> {
    if (this.stopped) return;
    const { url } = this.dataSource.options as { url?: string };
    const client = new Client({ connectionString: url, application_name: 'creneau-live' });
    const relisten = () => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listening = undefined;
      client.end().catch(() => undefined);
      setTimeout(() => void this.listen(), RELISTEN_MS).unref();
    };
    client.on('error', (error) => {
      this.logger.warn(`Listening for live events stopped: ${error.message}`);
      relisten();
    });
    client.on('end', relisten);
    client.on('notification', ({ processId, payload }) => {
      if (payload !== SEALED) return this.wake(); // a writer's commit: seal, then read
      if (processId !== this.listeningPid) this.wake(false); // another's seal: read; this feed reads after its own
    });
    this.listener = client;
    try {
      await client.connect();
      const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
      await client.query('LISTEN live_event');
      this.listeningPid = pid;
      this.listening = client;
      this.wake(); // whatever committed while not listening
    } catch (error) {
      this.logger.warn(`Could not listen for live events: ${String(error)}`);
      relisten();
    }
  }
}

function toEntry(row: LiveEventRow): LiveEntry {
  const event = {
    id: Number(row.id),
    type: row.type,
    entity: row.entity,
    entityId: row.entity_id,
    version: row.version,
    occurredAt: row.occurred_at.toISOString(),
    data: row.payload,
  } as LiveEvent;
  return {
    event,
    rooms: eventRooms({ territoryId: row.territory_id, centreIds: row.centre_ids, doctorRpps: row.doctor_rpps }),
  };
}
