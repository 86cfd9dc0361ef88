import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import cookieParser from 'cookie-parser';
import { Subscription } from 'rxjs';
import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, LiveSubscribeAnswer, ServerToClientEvents } from '@creneau/contracts';
import { EndedSessions, SessionService } from '../accounts/session.service';
import { LiveFeed } from './live-feed';
import { HandshakeRefused, LiveHandshake, LiveSocketData } from './live-handshake';
import { accountRoom, sessionRoom } from './live-rooms';
import { SocketCluster } from './socket-cluster';
import { refusal, socketRules } from './socket-rules';

type LiveServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;
type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveSocketData>;

/** A console catches up on at most this many of its events; further behind, it reloads through the API. */
export const CATCH_UP_MAX_EVENTS = 1_000;
/** How long a console that saw an event (on another instance) this instance has not read yet waits for it. */
const AHEAD_WAIT_MS = 3_000;
/** How often open sockets check that their session is still open and their centres unchanged. */
const SESSION_CHECK_MS = 60_000;

/**
 * Live updates: a socket signs in with the session cookie, subscribes with the last event id it saw,
 * receives what it missed in order, then every new event of its rooms, each once.
 */
@WebSocketGateway({ serveClient: false })
export class LiveGateway implements OnGatewayInit<LiveServer>, OnModuleDestroy {
  private readonly logger = new Logger(LiveGateway.name);
  private readonly subscriptions = new Subscription();
  private server?: LiveServer;
  private sessionCheck?: NodeJS.Timeout;

  constructor(
    private readonly feed: LiveFeed,
    private readonly handshake: LiveHandshake,
    private readonly cluster: SocketCluster,
    private readonly sessions: SessionService,
  ) {}

  afterInit(server: LiveServer): void {
    this.server = server;
    server.adapter(this.cluster.adapter());
    const parseCookies = cookieParser();
    server.engine.use((request: IncomingMessage, response: ServerResponse, next: () => void) =>
      parseCookies(request as never, response as never, next),
    );
    server.use((socket: LiveSocket, next) => {
      this.handshake.authenticate(socket.request).then(
        (data) => {
          socket.data = data;
          next();
        },
        (error: unknown) => next(error instanceof HandshakeRefused ? error : new Error('Connexion impossible.')),
      );
    });
    server.on('connection', (socket) => this.connected(socket));
    // Each instance delivers what its own feed reads to its own sockets: `local`, never through the adapter.
    this.subscriptions.add(
      this.feed.events$.subscribe((entry) => server.local.to([...entry.rooms]).emit('live:event', entry.event)),
    );
    this.subscriptions.add(this.sessions.ended$.subscribe((ended) => this.disconnectEnded(server, ended)));
    this.sessionCheck = setInterval(() => void this.checkSessions(), SESSION_CHECK_MS);
    this.sessionCheck.unref();
  }

  onModuleDestroy(): void {
    this.subscriptions.unsubscribe();
    clearInterval(this.sessionCheck);
  }

  /** Ends the sockets whose session has ended or whose centres changed: they reconnect, scoped anew. */
  async checkSessions(): Promise<void> {
    try {
      const sockets = (await this.server?.local.fetchSockets()) ?? [];
      if (sockets.length === 0) return;
      const open = await this.sessions.stillOpen([...new Set(sockets.map((socket) => socket.data.actor.sessionId))]);
      for (const socket of sockets) {
        const centres = open.get(socket.data.actor.sessionId);
        if (!centres || centres.join() !== socket.data.actor.centreIds.join()) socket.disconnect(true);
      }
    } catch (error) {
      this.logger.warn(`Could not check the sessions of live sockets: ${String(error)}`);
    }
  }

  private connected(socket: LiveSocket): void {
    const { actor } = socket.data;
    void socket.join([accountRoom(actor.accountId), sessionRoom(actor.sessionId)]);
    socket.use(socketRules(actor));
    socket.on('live:subscribe', (request, answer) => void this.subscribe(socket, request, answer));
  }

  private async subscribe(socket: LiveSocket, request: unknown, answer: (answer: LiveSubscribeAnswer) => void): Promise<void> {
    if (typeof answer !== 'function') return; // nobody to answer: a client that does not follow the contract
    const after = positionOf(request);
    if (after === undefined) return answer(refusal('Requête invalide : « after » est un entier positif ou null.'));
    if (socket.data.subscribed) return answer(refusal('Déjà abonné : reconnectez-vous pour reprendre ailleurs.'));
    socket.data.subscribed = true;
    // A console may have seen, on another instance, events this one has not read yet: wait for them.
    const known = after === null || (await this.feed.reached(after, AHEAD_WAIT_MS));
    // Events are sealed just after their commit: seal and read now, so that what committed before the console
    // came back is in its replay rather than a moment later.
    if (known && after !== null) await this.feed.settle();
    if (!socket.connected) return;
    answer(known ? this.catchUp(socket, after) : this.resync(socket));
  }

  /**
   * Replays the socket's missed events, then joins its rooms, in one synchronous step: the feed
   * delivers nothing in between, so every event after `after` arrives once, in order.
   */
  private catchUp(socket: LiveSocket, after: number | null): LiveSubscribeAnswer {
    const missed = after === null ? [] : this.feed.recent.since(after);
    const audience = new Set(socket.data.audience);
    const mine = missed?.filter((entry) => entry.rooms.some((room) => audience.has(room)));
    if (!mine || mine.length > CATCH_UP_MAX_EVENTS) return this.resync(socket);
    for (const entry of mine) socket.emit('live:event', entry.event);
    void socket.join(socket.data.audience);
    return { status: 'live', head: this.feed.head, replayed: mine.length };
  }

  /** Too far behind: the console reloads through the API, and receives what comes after `head`. */
  private resync(socket: LiveSocket): LiveSubscribeAnswer {
    void socket.join(socket.data.audience);
    return { status: 'resync', head: this.feed.head };
  }

  /** Through the adapter: the sockets of an ended session close on every instance. */
  private disconnectEnded(server: LiveServer, ended: EndedSessions): void {
    if ('sessionId' in ended) return server.in(sessionRoom(ended.sessionId)).disconnectSockets(true);
    const sockets = server.in(accountRoom(ended.accountId));
    (ended.exceptSessionId ? sockets.except(sessionRoom(ended.exceptSessionId)) : sockets).disconnectSockets(true);
  }
}

/** `after` of a subscription: a non-negative integer, or null; undefined when malformed. */
function positionOf(request: unknown): number | null | undefined {
  const after = (request as { after?: unknown } | null)?.after;
  if (after === null) return null;
  return typeof after === 'number' && Number.isSafeInteger(after) && after >= 0 ? after : undefined;
}
