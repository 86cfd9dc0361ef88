import { DestroyRef, effect, inject, Injectable, signal, untracked } from '@angular/core';
import type { LiveEvent, LiveSubscribeAnswer } from '@creneau/contracts';
import { Observable, Subject, Subscription } from 'rxjs';
import { SessionStore } from '../session/session-store';
import { LIVE_SOCKET, LiveSocket } from './live-socket';
import { concerns, LiveTopic } from './live-topics';

export type { LiveTopic } from './live-topics';

/** `off`: signed out; `connecting`: first connection under way; `lost`: no live updates, reconnecting. */
export type ConnectionState = 'off' | 'connecting' | 'connected' | 'lost';

/** The events of one change (a booking: slot, appointment, request) arrive within milliseconds: one reload for all. */
export const RELOAD_DEBOUNCE_MS = 200;
/** After the server closed the socket or refused it (session ended, centres changed), try again this late. */
export const RECONNECT_MS = 5_000;
/** While no live update arrives, views are read again this often: slowly, and only while the connection is lost. */
export const LOST_POLL_MS = 30_000;
/** A failed read is tried again, then less and less often. */
export const LOAD_RETRY_MS = 5_000;
const LOAD_RETRY_MAX_MS = 60_000;

interface Watcher {
  topic: LiveTopic;
  filter?: (event: LiveEvent) => boolean;
  /** Reads again in `delayMs` (or sooner if already due sooner). */
  schedule(delayMs?: number): void;
}

/**
 * Keeps views up to date with what others do, over one socket.io connection opened while signed in. It
 * subscribes with the id of the last event seen on every (re)connection, so the server replays what was missed
 * (or says to reload everything). `watch` reads a view once, then again shortly after an event that concerns it,
 * and after every (re)connection: no polling while connected. A lost connection is shown and recovers by itself.
 */
@Injectable({ providedIn: 'root' })
export class LiveUpdates {
  private readonly session = inject(SessionStore);
  private readonly state = signal<ConnectionState>('off');
  /** Whether live updates reach this console: a lost connection is shown to the user. */
  readonly connection = this.state.asReadonly();

  private readonly received = new Subject<LiveEvent>();
  /** Every event, once and in order, for views that apply them directly (a slot taken elsewhere greys out). */
  readonly events: Observable<LiveEvent> = this.received.asObservable();

  private readonly watchers = new Set<Watcher>();
  private readonly socket: LiveSocket;
  private running = false;
  private lastId: number | null = null;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private lostPoll?: ReturnType<typeof setInterval>;

  constructor() {
    this.socket = inject(LIVE_SOCKET)({
      connected: () => this.subscribe(),
      lost: (retrying) => this.lost(retrying),
      event: (event) => this.receive(event),
    });
    effect(() => {
      const signedIn = this.session.signedIn();
      untracked(() => (signedIn ? this.start() : this.stop()));
    });
    inject(DestroyRef).onDestroy(() => this.stop());
  }

  /** `load()` at once, then again after each change of the topic (that `filter` keeps) and each reconnection; a failed read is retried, never ends the watch. */
  watch<T>(topic: LiveTopic, load: () => Observable<T>, filter?: (event: LiveEvent) => boolean): Observable<T> {
    return new Observable<T>((subscriber) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      let dueAt = 0;
      let loading: Subscription | undefined;
      let busy = false;
      let again = false;
      let failures = 0;

      const schedule = (delayMs = RELOAD_DEBOUNCE_MS) => {
        const due = Date.now() + delayMs;
        if (timer !== undefined && dueAt <= due) return; // already due: one read for the whole burst
        clearTimeout(timer);
        dueAt = due;
        timer = setTimeout(run, delayMs);
      };
      const finish = (failed: boolean) => {
        busy = false;
        loading = undefined;
        failures = failed ? failures + 1 : 0;
        if (failed) schedule(Math.min(LOAD_RETRY_MS * 2 ** (failures - 1), LOAD_RETRY_MAX_MS));
        if (again) {
          again = false;
          schedule(); // a change came while reading: what was read may predate it
        }
      };
      const run = () => {
        timer = undefined;
        if (busy) {
          again = true;
          return;
        }
        busy = true;
        loading = load().subscribe({
          next: (value) => subscriber.next(value),
          error: () => finish(true),
          complete: () => finish(false),
        });
      };

      const watcher: Watcher = { topic, filter, schedule };
      this.watchers.add(watcher);
      run();
      return () => {
        this.watchers.delete(watcher);
        clearTimeout(timer);
        loading?.unsubscribe();
      };
    });
  }

  private start(): void {
    if (this.running) return;
    this.running = true;
    this.state.set('connecting');
    this.socket.connect();
  }

  /** Signed out: close the connection and forget the position, the next account starts afresh. */
  private stop(): void {
    if (!this.running) return;
    this.running = false;
    this.clearTimers();
    this.socket.disconnect();
    this.lastId = null;
    this.state.set('off');
  }

  /** Subscribes from the last event seen; once live, every view reads again (what it holds may predate the connection). */
  private subscribe(): void {
    this.socket.subscribe({ after: this.lastId }, (answer: LiveSubscribeAnswer) => {
      if (!this.running) return;
      if (answer.status === 'refused') {
        this.socket.disconnect(); // start over on a new socket, shortly
        return this.lost(false);
      }
      this.lastId = Math.max(this.lastId ?? 0, answer.head);
      this.clearTimers();
      this.state.set('connected');
      this.reloadAll();
    });
  }

  private receive(event: LiveEvent): void {
    if (this.lastId !== null && event.id <= this.lastId) return; // already seen (a replay that crossed the live feed)
    this.lastId = event.id;
    this.received.next(event);
    for (const watcher of this.watchers) {
      if (concerns(watcher.topic, event) && (watcher.filter?.(event) ?? true)) watcher.schedule();
    }
  }

  private lost(retrying: boolean): void {
    if (!this.running) return;
    this.state.set('lost');
    this.lostPoll ??= setInterval(() => this.reloadAll(), LOST_POLL_MS);
    if (retrying) return;
    // The server closed or refused the socket: the session may have ended, which a read through the API tells
    // (its 401 leads to the sign-in page); otherwise connect again shortly, scoped anew.
    this.reloadAll();
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => {
      if (this.running) this.socket.connect();
    }, RECONNECT_MS);
  }

  private reloadAll(): void {
    for (const watcher of this.watchers) watcher.schedule();
  }

  private clearTimers(): void {
    clearTimeout(this.reconnectTimer);
    clearInterval(this.lostPoll);
    this.reconnectTimer = undefined;
    this.lostPoll = undefined;
  }
}
