import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { SlotSearchHit, SlotSearchResult } from '@creneau/contracts';
import { button } from '../../../testing/dom';
import { FakeLiveSocket, provideFakeLiveSocket } from '../../../testing/fake-live-socket';
import { bookableRequest, bookedAppointment } from '../../../testing/request-fixtures';
import { settle } from '../../../testing/settle';
import { inMs, slotEvent, slotHit } from '../../../testing/slot-fixtures';
import { TERRITORY } from '../../../testing/territory-fixtures';
import { RescheduleFinderComponent } from './reschedule-finder.component';

const current = slotHit('s-current', 5);
const appointment = bookedAppointment(current.start, current.end, { slotId: current.slotId });

describe('RescheduleFinderComponent', () => {
  let socket: FakeLiveSocket;
  let http: HttpTestingController;
  let fixture: ComponentFixture<RescheduleFinderComponent>;
  let finder: HTMLElement;

  beforeEach(async () => {
    socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeLiveSocket(socket)],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RescheduleFinderComponent);
    fixture.componentRef.setInput('request', bookableRequest({ status: 'booked', appointment }));
    fixture.componentRef.setInput('appointment', appointment);
    finder = fixture.nativeElement as HTMLElement;
    http.expectOne('/api/territories').flush([TERRITORY]);
    await settle(fixture);
    answerSearch([current, slotHit('s2', 8), slotHit('s3', 9), slotHit('s4', 10)]);
    await settle(fixture);
  });
  afterEach(() => fixture.destroy());

  function answerSearch(hits: SlotSearchHit[]): void {
    const window = { from: new Date().toISOString(), to: new Date(Date.now() + 72 * 3_600_000).toISOString() };
    http
      .expectOne((r) => r.url === '/api/slots/search')
      .flush({ window, origin: null, slots: hits, firstAfterWindow: [] } satisfies SlotSearchResult);
  }

  const rows = () => Array.from(finder.querySelectorAll('tbody tr'));
  const row = (slot: number) => rows()[slot - 2];

  it('greys out at once a slot held elsewhere, and one booked elsewhere, from the live events', async () => {
    expect(rows()).toHaveLength(3);
    expect(rows().every((r) => !r.classList.contains('taken'))).toBe(true);

    socket.emit(slotEvent(1, 's2', { heldCount: 1, heldUntil: inMs(400), state: 'held' }));
    socket.emit(slotEvent(2, 's3', { bookedCount: 1, state: 'booked' }));
    await settle(fixture);
    expect(row(2).classList).toContain('taken');
    expect(row(2).textContent).toContain('Retenu par un autre secrétariat');
    expect(row(2).querySelector('button')).toBeNull();
    expect(row(3).classList).toContain('taken');
    expect(row(3).textContent).toContain('Pris');
    expect(row(3).querySelector('button')).toBeNull();
    expect(row(4).classList).not.toContain('taken');
    expect(row(4).querySelector('button')?.textContent?.trim()).toBe('Choisir');

    // No event says a hold ended by itself: its end does, and the slot may be chosen again.
    await new Promise((done) => setTimeout(done, 600));
    await settle(fixture);
    expect(row(2).classList).not.toContain('taken');
    expect(row(2).querySelector('button')).not.toBeNull();
    expect(row(3).classList).toContain('taken');
  });

  it('gives a slot back to the list when the hold elsewhere is released', async () => {
    socket.emit(slotEvent(1, 's4', { heldCount: 1, heldUntil: inMs(180_000), state: 'held' }));
    await settle(fixture);
    expect(row(4).classList).toContain('taken');
    socket.emit(slotEvent(2, 's4', { heldCount: 0, state: 'free' }));
    await settle(fixture);
    expect(row(4).classList).not.toContain('taken');
  });

  it('never greys out the secretary’s own hold, even when its event comes before the answer', async () => {
    (row(2).querySelector('button') as HTMLButtonElement).click();
    socket.emit(slotEvent(1, 's2', { heldCount: 1, heldUntil: inMs(180_000), state: 'held' }));
    await settle(fixture);
    expect(row(2).classList).not.toContain('taken');

    http.expectOne('/api/slots/s2/hold').flush({ slotId: 's2', expiresAt: inMs(180_000) });
    await settle(fixture);
    expect(row(2).classList).not.toContain('taken');
    expect(row(2).classList).toContain('held');
    expect(row(2).querySelector('button')?.disabled).toBe(true);
    expect(finder.querySelector('.hold')?.textContent).toContain('Nouveau créneau retenu');

    // Released: another secretary may hold it now, and it greys out here like any other.
    button(finder, 'Relâcher').click();
    http.expectOne('/api/slots/s2/hold').flush(null, { status: 204, statusText: 'No Content' });
    socket.emit(slotEvent(2, 's2', { heldCount: 0, state: 'free' }));
    socket.emit(slotEvent(3, 's2', { heldCount: 1, heldUntil: inMs(180_000), state: 'held' }));
    await settle(fixture);
    expect(row(2).classList).toContain('taken');
    expect(row(2).textContent).toContain('Retenu par un autre secrétariat');
  });
});
