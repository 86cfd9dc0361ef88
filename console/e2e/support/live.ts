import type { Page, WebSocketRoute } from 'playwright-core';

/** A live event as it crossed the page's socket.io connection. */
export interface SeenLiveEvent {
  id: number;
  type: string;
  entityId: string;
}

/**
 * What a page receives over its socket.io WebSocket, and which API reads it makes: enough to tell a view kept
 * up to date by live events from one that polls. Attach before the page opens its connection.
 */
export class LiveTraffic {
  readonly events: SeenLiveEvent[] = [];
  /** Open socket.io WebSockets. */
  sockets = 0;
  private readonly reads: { path: string; at: number }[] = [];

  constructor(page: Page) {
    page.on('websocket', (socket) => {
      if (!socket.url().includes('/socket.io/')) return;
      this.sockets++;
      socket.on('close', () => this.sockets--);
      socket.on('framereceived', ({ payload }) => {
        const event = liveEventOf(typeof payload === 'string' ? payload : payload.toString());
        if (event) this.events.push(event);
      });
    });
    page.on('request', (request) => {
      if (request.method() === 'GET') this.reads.push({ path: new URL(request.url()).pathname, at: Date.now() });
    });
  }

  /** How many GET requests of this path the page made (since `since`, epoch ms). */
  readsOf(path: string, since = 0): number {
    return this.reads.filter((read) => read.path === path && read.at >= since).length;
  }

  /** Waits for a live event of this type about this entity. */
  async waitForEvent(type: string, entityId: string, timeoutMs = 10_000): Promise<SeenLiveEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const event = this.events.find((e) => e.type === type && e.entityId === entityId);
      if (event) return event;
      if (Date.now() > deadline) throw new Error(`No live event ${type} of ${entityId} (seen: ${JSON.stringify(this.events)})`);
      await delay(50);
    }
  }
}

/** `42["live:event",{…}]`: a socket.io event packet (engine.io message 4, socket.io EVENT 2) of the default namespace. */
function liveEventOf(payload: string): SeenLiveEvent | null {
  if (!payload.startsWith('42[')) return null;
  const [name, event] = JSON.parse(payload.slice(2)) as [string, SeenLiveEvent];
  return name === 'live:event' ? { id: event.id, type: event.type, entityId: event.entityId } : null;
}

/**
 * Cuts the page's live connection on demand, as a network loss would: its socket.io WebSockets go through
 * Playwright, which closes them and refuses new ones (and long-polling) while cut. Install before the page opens
 * its connection.
 */
export class LiveCut {
  private cut = false;
  private readonly open = new Set<WebSocketRoute>();

  static async install(page: Page): Promise<LiveCut> {
    const switchable = new LiveCut();
    await page.routeWebSocket(/\/socket\.io\//, (socket) => switchable.route(socket));
    await page.route(/\/socket\.io\//, (route) => (switchable.cut ? route.abort('internetdisconnected') : route.continue()));
    return switchable;
  }

  async sever(): Promise<void> {
    this.cut = true;
    // A socket closed already (the page moved on) needs nothing more.
    await Promise.all(
      [...this.open].map((socket) => socket.close({ code: 1001, reason: 'network lost' }).catch(() => undefined)),
    );
    this.open.clear();
  }

  restore(): void {
    this.cut = false;
  }

  private route(socket: WebSocketRoute): void {
    if (this.cut) {
      void socket.close({ code: 1001, reason: 'network lost' });
      return;
    }
    socket.connectToServer();
    this.open.add(socket);
  }
}

const delay = (ms: number) => new Promise((done) => setTimeout(done, ms));
