import { InjectionToken } from '@angular/core';
import type {
  ClientToServerEvents,
  LiveEvent,
  LiveSubscribeAnswer,
  LiveSubscribeRequest,
  ServerToClientEvents,
} from '@creneau/contracts';
import type { Socket } from 'socket.io-client';

/** What the connection tells the live updates. */
export interface LiveSocketHandlers {
  /** Connected (first time or again): time to subscribe. */
  connected(): void;
  /** The connection dropped or could not be made; `retrying`: the client tries again by itself. */
  lost(retrying: boolean): void;
  event(event: LiveEvent): void;
}

/** The live connection as the service uses it: small enough to fake in a unit test. */
export interface LiveSocket {
  connect(): void;
  disconnect(): void;
  subscribe(request: LiveSubscribeRequest, answer: (answer: LiveSubscribeAnswer) => void): void;
}

export type LiveSocketFactory = (handlers: LiveSocketHandlers) => LiveSocket;

/**
 * socket.io on this very site (`/socket.io`), signed in by the session cookie. WebSocket first, and HTTP
 * long-polling when a proxy lets no WebSocket through; socket.io reconnects by itself after a network loss,
 * but not after the server closed the socket or refused the handshake (`lost(false)`). The client library is
 * loaded on the first connection, once signed in: the sign-in page does without it.
 */
export const socketIoFactory: LiveSocketFactory = (handlers) => {
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
  let loading: Promise<void> | undefined;
  let wanted = false;
  const load = () =>
    (loading ??= import('socket.io-client').then(
      ({ io }) => {
        socket = io({
          path: '/socket.io',
          autoConnect: false,
          withCredentials: true,
          transports: ['websocket', 'polling'],
          tryAllTransports: true,
        });
        socket.on('connect', () => handlers.connected());
        socket.on('disconnect', () => handlers.lost(socket?.active ?? false));
        socket.on('connect_error', () => handlers.lost(socket?.active ?? false));
        socket.on('live:event', (event) => handlers.event(event));
        if (wanted) socket.connect();
      },
      () => {
        loading = undefined; // not downloaded (network lost): the next attempt loads it again
        if (wanted) handlers.lost(false);
      },
    ));
  return {
    connect: () => {
      wanted = true;
      if (socket) socket.connect();
      else void load();
    },
    disconnect: () => {
      wanted = false;
      socket?.disconnect();
    },
    subscribe: (request, answer) => socket?.emit('live:subscribe', request, answer),
  };
};

/** How the live updates open their connection: socket.io in the app, a fake in unit tests. */
export const LIVE_SOCKET = new InjectionToken<LiveSocketFactory>('LIVE_SOCKET', {
  providedIn: 'root',
  factory: () => socketIoFactory,
});
