import { InjectionToken } from '@angular/core';
import type {
  ClientToServerEvents,
  LiveEvent,
  LiveSubscribeAnswer,
  LiveSubscribeRequest,
  ServerToClientEvents,
} from '@creneau/contracts';
import { io, Socket } from 'socket.io-client';

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
 * but not after the server closed the socket or refused the handshake (`lost(false)`).
 */
export const socketIoFactory: LiveSocketFactory = (handlers) => {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: '/socket.io',
    autoConnect: false,
    withCredentials: true,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
  });
  socket.on('connect', () => handlers.connected());
  socket.on('disconnect', () => handlers.lost(socket.active));
  socket.on('connect_error', () => handlers.lost(socket.active));
  socket.on('live:event', (event) => handlers.event(event));
  return {
    connect: () => socket.connect(),
    disconnect: () => socket.disconnect(),
    subscribe: (request, answer) => socket.emit('live:subscribe', request, answer),
  };
};

/** How the live updates open their connection: socket.io in the app, a fake in unit tests. */
export const LIVE_SOCKET = new InjectionToken<LiveSocketFactory>('LIVE_SOCKET', {
  providedIn: 'root',
  factory: () => socketIoFactory,
});
