import { TestBed } from '@angular/core/testing';
import type { LiveEvent, LiveSubscribeAnswer, LiveSubscribeRequest } from '@creneau/contracts';
import { LIVE_SOCKET, LiveSocket, LiveSocketHandlers } from '../app/live/live-socket';

/** The live connection without a network: a test opens, drops and feeds it by hand. */
export class FakeLiveSocket implements LiveSocket {
  private handlers?: LiveSocketHandlers;
  connects = 0;
  disconnects = 0;
  readonly subscriptions: { request: LiveSubscribeRequest; answer: (answer: LiveSubscribeAnswer) => void }[] = [];

  attach(handlers: LiveSocketHandlers): this {
    this.handlers = handlers;
    return this;
  }

  connect(): void {
    this.connects++;
  }

  disconnect(): void {
    this.disconnects++;
  }

  subscribe(request: LiveSubscribeRequest, answer: (answer: LiveSubscribeAnswer) => void): void {
    this.subscriptions.push({ request, answer });
  }

  /** The server accepts the connection; the service then subscribes. */
  open(): void {
    this.required().connected();
  }

  /** The server answers the last subscription. */
  answer(answer: LiveSubscribeAnswer): void {
    const last = this.subscriptions.at(-1);
    if (!last) throw new Error('Nothing subscribed yet.');
    last.answer(answer);
  }

  drop(retrying = true): void {
    this.required().lost(retrying);
  }

  emit(event: LiveEvent): void {
    this.required().event(event);
  }

  private required(): LiveSocketHandlers {
    if (!this.handlers) throw new Error('The live updates have not opened the socket.');
    return this.handlers;
  }
}

/** Unit tests never open a real socket: every TestBed gets a fake one (a spec may provide its own). */
export function provideFakeLiveSocket(socket = new FakeLiveSocket()) {
  return { provide: LIVE_SOCKET, useValue: (handlers: LiveSocketHandlers) => socket.attach(handlers) };
}

/** Installs a fake socket in every test's TestBed, before the spec's own providers (which may replace it). */
export function installFakeLiveSocket(): void {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideFakeLiveSocket()] }));
}
