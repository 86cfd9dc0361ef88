// Consoles as the browser holds them: a socket.io connection with the session cookie, the ids received, and the
// delay from each event's commit (its occurredAt, given by PostgreSQL as the transaction commits) to its arrival.
import { io } from 'socket.io-client';

export class BenchConsole {
  /** Every event id received, replayed ones included, in arrival order. */
  ids = [];
  /** Commit → arrival, in ms, of the events received live while `measuring`. */
  latencies = [];
  measuring = false;
  lastId = null;
  answers = [];

  constructor(name, audience, cookie) {
    this.name = name;
    this.audience = audience; // 'territory' or a centre id
    this.cookie = cookie;
  }

  /** Connects to `url` and subscribes from the last id received (from now, the first time). */
  async connect(url) {
    this.socket = io(url, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      extraHeaders: { cookie: this.cookie },
    });
    this.socket.on('live:event', (event) => {
      if (this.measuring) this.latencies.push(Date.now() - Date.parse(event.occurredAt));
      this.ids.push(event.id);
      this.lastId = event.id;
    });
    await new Promise((resolve, reject) => {
      this.socket.once('connect', resolve);
      this.socket.once('connect_error', reject);
    });
    const answer = await this.socket.timeout(30_000).emitWithAck('live:subscribe', { after: this.lastId });
    if (answer.status === 'refused') throw new Error(`${this.name}: ${answer.message}`);
    this.answers.push(answer);
    this.lastId = Math.max(this.lastId ?? 0, answer.head);
    return answer;
  }

  /** Drops the connection, as a network loss would. */
  disconnect() {
    this.socket.disconnect();
  }

  /** What the console should have received after `from`, against what it did: missing, duplicated, out of order. */
  check(expected) {
    const seen = new Set();
    let duplicated = 0;
    let outOfOrder = 0;
    for (const [index, id] of this.ids.entries()) {
      if (seen.has(id)) duplicated++;
      seen.add(id);
      if (index > 0 && id <= this.ids[index - 1]) outOfOrder++;
    }
    const wanted = new Set(expected);
    const missing = expected.filter((id) => !seen.has(id)).length;
    const unexpected = this.ids.filter((id) => !wanted.has(id)).length;
    return { missing, duplicated, outOfOrder, unexpected };
  }
}

/** Resolves once every console has received `expected(console)`'s last id, or after `timeoutMs`. */
export async function allCaughtUp(consoles, expected, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const behind = consoles.filter((console) => {
      const ids = expected(console);
      return ids.length > 0 && (console.lastId ?? 0) < ids[ids.length - 1];
    });
    if (behind.length === 0 || Date.now() > deadline) return behind.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
