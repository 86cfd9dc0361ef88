import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { LiveEvent, LiveSlotEvent } from '@creneau/contracts';
import { defer, Observable, of, Subject, throwError } from 'rxjs';
import { FakeLiveSocket, provideFakeLiveSocket } from '../../testing/fake-live-socket';
import { sessionOf } from '../../testing/session-fixtures';
import { signIn } from '../../testing/sign-in';
import { SessionStore } from '../session/session-store';
import { LiveUpdates, LOAD_RETRY_MS, LOST_POLL_MS, RECONNECT_MS, RELOAD_DEBOUNCE_MS } from './live-updates';

const slotEvent = (id: number, type: LiveSlotEvent['type'] = 'slot.held', slotId = 's1'): LiveSlotEvent => ({
  id,
  type,
  entity: 'slot',
  entityId: slotId,
  version: id,
  occurredAt: '2026-11-24T08:00:00.000Z',
  data: {
    slotId,
    centreId: 'c1',
    modality: 'ct',
    start: '2026-11-24T10:00:00.000Z',
    end: '2026-11-24T10:20:00.000Z',
    capacity: 1,
    bookedCount: type === 'slot.booked' ? 1 : 0,
    heldCount: type === 'slot.held' ? 1 : 0,
    heldUntil: null,
    state: type === 'slot.booked' ? 'booked' : type === 'slot.held' ? 'held' : 'free',
  },
});

/** The three events of one booking: the slot, the appointment, the request. */
const booking = (first: number): LiveEvent[] => [
  slotEvent(first, 'slot.booked'),
  {
    id: first + 1,
    type: 'appointment.booked',
    entity: 'appointment',
    entityId: 'a1',
    version: 1,
    occurredAt: '2026-11-24T08:00:00.000Z',
    data: {
      appointmentId: 'a1',
      requestId: 'r1',
      slotId: 's1',
      centreId: 'c1',
      modality: 'ct',
      start: '2026-11-24T10:00:00.000Z',
      end: '2026-11-24T10:20:00.000Z',
      status: 'booked',
    },
  },
  {
    id: first + 2,
    type: 'request.updated',
    entity: 'request',
    entityId: 'r1',
    version: 3,
    occurredAt: '2026-11-24T08:00:00.000Z',
    data: { requestId: 'r1', reference: 'CR-2026-000001', status: 'booked', readiness: 'bookable', modality: 'ct' },
  },
];

describe('LiveUpdates', () => {
  let socket: FakeLiveSocket;
  let live: LiveUpdates;

  beforeEach(() => {
    jest.useFakeTimers();
    socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeLiveSocket(socket)],
    });
    live = TestBed.inject(LiveUpdates);
  });
  afterEach(() => jest.useRealTimers());

  async function signedInAndLive(head = 0): Promise<void> {
    await signIn(sessionOf('secretariat'));
    TestBed.tick();
    socket.open();
    socket.answer({ status: 'live', head, replayed: 0 });
  }

  /** A watch whose reads are counted; each read answers at once. */
  function counted(topic: Parameters<LiveUpdates['watch']>[0] = 'slots', filter?: (event: LiveEvent) => boolean) {
    const reads = { count: 0 };
    const seen: number[] = [];
    const subscription = live.watch(topic, () => defer(() => of(++reads.count)), filter).subscribe((value) => seen.push(value));
    return { reads, seen, subscription };
  }

  it('connects once signed in, subscribes from nothing, and disconnects on logout', async () => {
    expect(live.connection()).toBe('off');
    expect(socket.connects).toBe(0);
    await signIn(sessionOf('secretariat'));
    TestBed.tick();
    expect(socket.connects).toBe(1);
    expect(live.connection()).toBe('connecting');
    socket.open();
    expect(socket.subscriptions.map((s) => s.request)).toEqual([{ after: null }]);
    socket.answer({ status: 'live', head: 41, replayed: 0 });
    expect(live.connection()).toBe('connected');

    TestBed.inject(SessionStore).clear();
    TestBed.tick();
    expect(socket.disconnects).toBe(1);
    expect(live.connection()).toBe('off');
  });

  it('reads once, and never again on a timer while connected', async () => {
    await signedInAndLive();
    const { reads, seen, subscription } = counted();
    expect(seen).toEqual([1]);
    jest.advanceTimersByTime(10 * 60_000);
    expect(reads.count).toBe(1);
    subscription.unsubscribe();
  });

  it('reads again once for a burst of three events of one booking, shortly after the first', async () => {
    await signedInAndLive();
    const slots = counted('slots');
    const queue = counted('queue');
    for (const event of booking(1)) socket.emit(event);
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS - 1);
    expect([slots.reads.count, queue.reads.count]).toEqual([1, 1]);
    jest.advanceTimersByTime(1);
    expect([slots.reads.count, queue.reads.count]).toEqual([2, 2]);
    jest.advanceTimersByTime(60_000);
    expect([slots.reads.count, queue.reads.count]).toEqual([2, 2]);
  });

  it('reads only for the events that concern the topic and pass its filter', async () => {
    await signedInAndLive();
    const queue = counted('queue');
    const mri = counted('slots', (event) => event.entity === 'slot' && event.data.modality === 'mri');
    socket.emit(slotEvent(1)); // a CT slot: neither the queue nor an MRI search
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS);
    expect([queue.reads.count, mri.reads.count]).toEqual([1, 1]);
  });

  it('reads a thread again for a comment, and no list nor agenda: a comment changes nothing they show', async () => {
    await signedInAndLive();
    const queue = counted('queue');
    const agenda = counted('agenda');
    const thread = counted('comments');
    socket.emit({
      id: 1,
      type: 'request.commented',
      entity: 'request',
      entityId: 'r1',
      version: 2,
      occurredAt: '2026-11-24T08:00:00.000Z',
      data: { requestId: 'r1', commentId: 'c1', authorRole: 'doctor', createdAt: '2026-11-24T08:00:00.000Z' },
    });
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS);
    expect([queue.reads.count, agenda.reads.count, thread.reads.count]).toEqual([1, 1, 2]);
    for (const event of booking(2)) socket.emit(event); // a booking changes the request, not its thread
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS);
    expect([queue.reads.count, agenda.reads.count, thread.reads.count]).toEqual([2, 2, 2]);
  });

  it('hands every event on once, in order, dropping one seen already', async () => {
    await signedInAndLive();
    const ids: number[] = [];
    live.events.subscribe((event) => ids.push(event.id));
    socket.emit(slotEvent(1));
    socket.emit(slotEvent(2));
    socket.emit(slotEvent(2));
    socket.emit(slotEvent(1));
    socket.emit(slotEvent(5));
    expect(ids).toEqual([1, 2, 5]);
  });

  it('shows a lost connection, subscribes again from the last event seen, and reads every view again', async () => {
    await signedInAndLive(10);
    const slots = counted('slots');
    socket.emit(slotEvent(12));
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS);
    expect(slots.reads.count).toBe(2);

    socket.drop();
    expect(live.connection()).toBe('lost');
    socket.open();
    expect(socket.subscriptions.at(-1)?.request).toEqual({ after: 12 });
    // The server replays what was missed, then answers: one read for both.
    socket.emit(slotEvent(13));
    socket.answer({ status: 'live', head: 20, replayed: 1 });
    expect(live.connection()).toBe('connected');
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS);
    expect(slots.reads.count).toBe(3);

    // The next subscription starts after the head the server gave, beyond the last event of this console.
    socket.drop();
    socket.open();
    expect(socket.subscriptions.at(-1)?.request).toEqual({ after: 20 });
  });

  it('reads everything again on a resync, and carries on from the head given', async () => {
    await signedInAndLive(3);
    const queue = counted('queue');
    const agenda = counted('agenda');
    socket.drop();
    socket.open();
    socket.answer({ status: 'resync', head: 5_000 });
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS);
    expect([queue.reads.count, agenda.reads.count]).toEqual([2, 2]);
    const ids: number[] = [];
    live.events.subscribe((event) => ids.push(event.id));
    socket.emit(slotEvent(4_999));
    socket.emit(slotEvent(5_001));
    expect(ids).toEqual([5_001]);
  });

  it('reads slowly while the connection stays lost, and stops once it is back', async () => {
    await signedInAndLive();
    const slots = counted('slots');
    socket.drop();
    jest.advanceTimersByTime(LOST_POLL_MS + RELOAD_DEBOUNCE_MS);
    expect(slots.reads.count).toBe(2);
    socket.open();
    socket.answer({ status: 'live', head: 0, replayed: 0 });
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS);
    expect(slots.reads.count).toBe(3);
    jest.advanceTimersByTime(5 * LOST_POLL_MS);
    expect(slots.reads.count).toBe(3);
  });

  it('connects again by itself after the server closed the socket', async () => {
    await signedInAndLive();
    socket.drop(false);
    expect(live.connection()).toBe('lost');
    expect(socket.connects).toBe(1);
    jest.advanceTimersByTime(RECONNECT_MS);
    expect(socket.connects).toBe(2);
    socket.open();
    socket.answer({ status: 'live', head: 0, replayed: 0 });
    expect(live.connection()).toBe('connected');
  });

  it('reads again after a read in progress when a change comes meanwhile', async () => {
    await signedInAndLive();
    const answers: Subject<number>[] = [];
    const seen: number[] = [];
    live
      .watch('slots', () => {
        const answer = new Subject<number>();
        answers.push(answer);
        return answer;
      })
      .subscribe((value) => seen.push(value));
    socket.emit(slotEvent(1));
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS);
    expect(answers).toHaveLength(1); // the first read is still under way
    answers[0].next(1);
    answers[0].complete();
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS);
    expect(answers).toHaveLength(2);
    expect(seen).toEqual([1]);
  });

  it('tries a failed read again, without ending the watch', async () => {
    await signedInAndLive();
    const answers: Observable<number>[] = [throwError(() => new Error('down')), of(2)];
    const seen: number[] = [];
    live.watch('queue', () => answers.shift() ?? of(0)).subscribe((value) => seen.push(value));
    expect(seen).toEqual([]);
    jest.advanceTimersByTime(LOAD_RETRY_MS);
    expect(seen).toEqual([2]);
  });

  it('stops reading once nobody watches', async () => {
    await signedInAndLive();
    const slots = counted('slots');
    slots.subscription.unsubscribe();
    socket.emit(slotEvent(1));
    jest.advanceTimersByTime(RELOAD_DEBOUNCE_MS);
    expect(slots.reads.count).toBe(1);
  });
});
