import { HttpErrorResponse, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { createEnvironmentInjector, EnvironmentInjector, runInInjectionContext, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { SlotSearchHit } from '@creneau/contracts';
import { of, throwError } from 'rxjs';
import { FakeLiveSocket, provideFakeLiveSocket } from '../../../testing/fake-live-socket';
import { inMs, slotEvent, slotHit } from '../../../testing/slot-fixtures';
import { SlotHolds } from './slot-holds';

const flush = () => new Promise((done) => setTimeout(done));

describe('SlotHolds', () => {
  let socket: FakeLiveSocket;
  let http: HttpTestingController;
  let injector: EnvironmentInjector;
  let holds: SlotHolds;
  let gone: boolean;
  const hits = signal<SlotSearchHit[]>([]);

  beforeEach(() => {
    socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeLiveSocket(socket)],
    });
    http = TestBed.inject(HttpTestingController);
    hits.set([slotHit('s1', 3), slotHit('s2', 5)]);
    // The finder's own injector: destroying it is the finder going away.
    gone = false;
    injector = createEnvironmentInjector([], TestBed.inject(EnvironmentInjector));
    holds = runInInjectionContext(injector, () => new SlotHolds(() => 'r1', hits));
  });
  afterEach(() => {
    if (!gone) injector.destroy();
    // A hold left at the end goes back (the last test looks at that).
    for (const release of http.match({ method: 'DELETE' })) release.flush(null, { status: 204, statusText: 'No Content' });
    http.verify();
  });

  async function hold(slotId: string): Promise<void> {
    const held = holds.choose(hits().find((hit) => hit.slotId === slotId) as SlotSearchHit);
    const request = http.expectOne(`/api/slots/${slotId}/hold`);
    expect(request.request.body).toEqual({ requestId: 'r1' });
    request.flush({ slotId, expiresAt: inMs(180_000) });
    await held;
  }

  it('holds a slot for the request, giving back the one held before', async () => {
    await hold('s1');
    expect(holds.hold()?.hit.slotId).toBe('s1');
    expect(holds.hold()?.key).toMatch(/^[0-9a-f-]{36}$/);

    const next = holds.choose(hits()[1]);
    expect(holds.pending()).toBe(true);
    const release = http.expectOne('/api/slots/s1/hold');
    expect(release.request.method).toBe('DELETE');
    release.flush(null, { status: 204, statusText: 'No Content' });
    await flush();
    http.expectOne('/api/slots/s2/hold').flush({ slotId: 's2', expiresAt: inMs(180_000) });
    await next;
    expect(holds.hold()?.hit.slotId).toBe('s2');
    expect(holds.pending()).toBe(false);
  });

  it('greys out from the live events what others hold (until then) or booked, never the secretary’s own hold', async () => {
    await hold('s1');
    socket.emit(slotEvent(1, 's1', { heldCount: 1, heldUntil: inMs(180_000), state: 'held' }));
    socket.emit(slotEvent(2, 's2', { heldCount: 1, heldUntil: inMs(180_000), state: 'held' }));
    socket.emit(slotEvent(3, 's9', { bookedCount: 1, state: 'booked' }));
    expect([...holds.taken()]).toEqual(['s2', 's9']);
    expect([...holds.heldElsewhere()]).toEqual(['s2']);

    // A newer event of a slot says it is free again.
    socket.emit(slotEvent(4, 's2', { heldCount: 0, state: 'free' }));
    expect([...holds.taken()]).toEqual(['s9']);
  });

  it('greys out a slot the search found held elsewhere, until that hold ends', async () => {
    hits.set([slotHit('s1', 3, { placesLeft: 0, heldUntil: inMs(150) })]);
    expect([...holds.heldElsewhere()]).toEqual(['s1']);
    await new Promise((done) => setTimeout(done, 350));
    TestBed.tick();
    expect(holds.taken().size).toBe(0);
  });

  it('on a 409, tells the slot taken, greys it out and asks for a new search', async () => {
    const choosing = holds.choose(hits()[0]);
    http
      .expectOne('/api/slots/s1/hold')
      .flush({ message: 'Ce créneau vient d’être réservé.' }, { status: 409, statusText: 'Conflict' });
    await choosing;
    expect(holds.hold()).toBeNull();
    expect(holds.problem()?.kind).toBe('taken');
    expect(holds.problem()?.text).toContain('Créneau pris');
    expect([...holds.taken()]).toEqual(['s1']);
    expect(holds.heldElsewhere().size).toBe(0);
    expect(holds.searchAgain()).toBe(1);
  });

  it('completes with the held slot: a refusal ends the hold, a failure without an answer keeps it for a retry', async () => {
    await hold('s1');
    const lost = new HttpErrorResponse({ status: 0, error: new ProgressEvent('error') });
    expect(await holds.complete(() => throwError(() => lost))).toBeNull();
    expect(holds.hold()?.hit.slotId).toBe('s1');
    expect(holds.problem()?.kind).toBe('other');

    const taken = (slotId: string) => of({ id: 'a1', slotId });
    expect(await holds.complete((hold) => taken(hold.hit.slotId))).toEqual({ id: 'a1', slotId: 's1' });
    expect(holds.hold()).toBeNull();
    expect(holds.problem()).toBeNull();
    expect(await holds.complete(() => of('never'))).toBeNull();

    await hold('s2');
    const refused = new HttpErrorResponse({ status: 422, error: { message: 'Centre fermé.', reasons: [] } });
    expect(await holds.complete(() => throwError(() => refused))).toBeNull();
    expect(holds.hold()).toBeNull();
    expect(holds.problem()?.kind).toBe('unfit');
  });

  it('gives the held slot back when the finder goes', async () => {
    await hold('s2');
    injector.destroy();
    gone = true;
    const release = http.expectOne('/api/slots/s2/hold');
    expect(release.request.method).toBe('DELETE');
    release.flush(null, { status: 204, statusText: 'No Content' });
  });
});
