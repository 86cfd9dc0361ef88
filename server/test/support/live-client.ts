import { io, Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveEvent, LiveSubscribeAnswer, ServerToClientEvents } from '@creneau/contracts';
import type { ApiClient } from './api-client';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A console's live connection as the console would hold it: every event received, and the last id. */
export class LiveConsole {
  readonly events: LiveEvent[] = [];
  lastId: number | null = null;
  private waiters: (() => void)[] = [];

  private constructor(readonly socket: LiveSocket) {
    socket.on('live:event', (event) => {
      this.events.push(event);
      this.lastId = event.id;
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Connects with the client's session cookie (none for an anonymous client); rejects with the server's refusal. */
  static async connect(baseUrl: string, client: ApiClient, headers: Record<string, string> = {}): Promise<LiveConsole> {
    const session = client.cookie('creneau_session');
    const live = new LiveConsole(
      io(baseUrl, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        extraHeaders: { ...(session ? { cookie: `creneau_session=${session}` } : {}), ...headers },
      }),
    );
    await live.opened();
    return live;
  }

  /** Subscribes from the last event seen (or from now), as the console does on every (re)connection. */
  async subscribe(after: number | null = this.lastId): Promise<LiveSubscribeAnswer> {
    const answer = await this.socket.timeout(10_000).emitWithAck('live:subscribe', { after });
    if (answer.status !== 'refused') this.lastId = Math.max(this.lastId ?? 0, answer.head);
    return answer;
  }

  /** Drops the connection (the console stays as it is), as a network loss would. */
  disconnect(): void {
    this.socket.disconnect();
  }

  async reconnect(): Promise<void> {
    this.socket.connect();
    await this.opened();
  }

  /** Waits until `count` events satisfy `predicate`, and returns them. */
  async waitFor(predicate: (event: LiveEvent) => boolean, count = 1, timeoutMs = 10_000): Promise<LiveEvent[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.filter(predicate);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${found.length} of ${count} events came: ${JSON.stringify(this.events.map(brief))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.socket.disconnect();
  }

  private opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => {
        this.socket.off('connect_error');
        resolve();
      });
      this.socket.once('connect_error', (error) => {
        this.socket.off('connect');
        reject(error);
      });
    });
  }
}

/** The socket's end, with its reason ('io server disconnect' when the server ended it). */
export function disconnection(live: LiveConsole, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket stayed connected')), timeoutMs);
    live.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

export const brief = (event: LiveEvent) => `${event.id} ${event.type} ${event.entityId.slice(0, 8)} v${event.version}`;
