import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { AppointmentView, SlotSearchHit, SlotSearchResult } from '@creneau/contracts';
import { button } from '../../../testing/dom';
import { FakeLiveSocket, provideFakeLiveSocket } from '../../../testing/fake-live-socket';
import { bookableRequest } from '../../../testing/request-fixtures';
import { settle } from '../../../testing/settle';
import { inMs, slotEvent, slotHit } from '../../../testing/slot-fixtures';
import { HOSPITAL, TERRITORY } from '../../../testing/territory-fixtures';
import { SlotFinderComponent } from './slot-finder.component';

describe('SlotFinderComponent', () => {
  let socket: FakeLiveSocket;
  let http: HttpTestingController;
  let fixture: ComponentFixture<SlotFinderComponent>;
  let finder: HTMLElement;
  let booked: AppointmentView[];
  let search: TestRequest;
  const slots = [slotHit('s1', 3), slotHit('s2', 50)];

  beforeEach(async () => {
    socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeLiveSocket(socket)],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SlotFinderComponent);
    fixture.componentRef.setInput('request', bookableRequest());
    booked = [];
    fixture.componentInstance.booked.subscribe((appointment) => booked.push(appointment));
    finder = fixture.nativeElement as HTMLElement;
    http.expectOne('/api/territories').flush([TERRITORY]);
    await settle(fixture);
    search = answerSearch(slots);
    await settle(fixture);
  });
  afterEach(() => fixture.destroy());

  function answerSearch(hits: SlotSearchHit[]): TestRequest {
    const request = http.expectOne((r) => r.url === '/api/slots/search');
    const window = { from: new Date().toISOString(), to: new Date(Date.now() + 72 * 3_600_000).toISOString() };
    request.flush({ window, origin: null, slots: hits, firstAfterWindow: [] } satisfies SlotSearchResult);
    return request;
  }

  const rows = () => Array.from(finder.querySelectorAll('tbody tr'));

  async function holdFirst(): Promise<TestRequest> {
    (rows()[0].querySelector('button') as HTMLButtonElement).click();
    const hold = http.expectOne('/api/slots/s1/hold');
    hold.flush({ slotId: 's1', expiresAt: new Date(Date.now() + 180_000).toISOString() });
    await settle(fixture);
    return hold;
  }

  it('searches with the exam and the patient’s constraints, earliest first, the first slot focused', () => {
    const params = search.request.params;
    expect(['modality', 'indication', 'ambulatory', 'pacemaker'].map((key) => params.get(key))).toEqual([
      'ct',
      'renal-colic',
      'true',
      'false',
    ]);
    expect(params.has('latitude')).toBe(false);
    expect(finder.querySelector('.hint')?.textContent).toContain('la commune du patient n’est pas dans la liste du territoire');
    expect(rows()).toHaveLength(2);
    expect(rows()[1].textContent).toContain('après 48 h');
    expect(document.activeElement).toBe(rows()[0].querySelector('button'));
  });

  it('holds a slot with a countdown, then books it with an Idempotency-Key', async () => {
    const hold = await holdFirst();
    expect(hold.request.body).toEqual({ requestId: 'r1' });
    expect(finder.querySelector('.countdown')?.textContent).toMatch(/Retenu pour vous encore [23] min \d\d s/);
    expect(document.activeElement?.textContent?.trim()).toBe('Réserver ce créneau');

    button(finder, 'Réserver ce créneau').click();
    const book = http.expectOne('/api/appointments');
    expect(book.request.body).toEqual({ requestId: 'r1', slotId: 's1' });
    expect(book.request.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    book.flush({ id: 'a1' });
    await settle(fixture);
    expect(booked).toEqual([{ id: 'a1' }]);
  });

  it('keeps the same key when an attempt is retried after no answer', async () => {
    await holdFirst();
    button(finder, 'Réserver ce créneau').click();
    const first = http.expectOne('/api/appointments');
    first.error(new ProgressEvent('error'));
    await settle(fixture);
    button(finder, 'Réserver ce créneau').click();
    const retry = http.expectOne('/api/appointments');
    expect(retry.request.headers.get('Idempotency-Key')).toBe(first.request.headers.get('Idempotency-Key'));
  });

  it('says « créneau pris » on a 409, greys the slot and searches again', async () => {
    await holdFirst();
    button(finder, 'Réserver ce créneau').click();
    http
      .expectOne('/api/appointments')
      .flush({ message: 'Ce créneau n’est plus libre.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(finder.querySelector('[role="alert"]')?.textContent).toContain('Créneau pris');
    expect(rows()[0].classList).toContain('taken');
    answerSearch([slots[1]]);
    await settle(fixture);
    expect(rows()).toHaveLength(1);
  });

  it('lists the reasons of a 422', async () => {
    await holdFirst();
    button(finder, 'Réserver ce créneau').click();
    http.expectOne('/api/appointments').flush(
      {
        message: 'Ce créneau ne convient pas à cette demande.',
        reasons: [{ code: 'centre-closed', message: 'Centre fermé sur ce créneau : travaux.' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    const alert = finder.querySelector('[role="alert"]')?.textContent;
    expect(alert).toContain('Ce créneau ne convient pas à cette demande.');
    expect(alert).toContain('Centre fermé sur ce créneau : travaux.');
  });

  it('gives a held slot back when the secretary leaves the page', async () => {
    await holdFirst();
    fixture.destroy();
    expect(http.expectOne('/api/slots/s1/hold').request.method).toBe('DELETE');
  });

  it('shows the slots as a grid by centre and day', async () => {
    button(finder, 'Grille par centre').click();
    await settle(fixture);
    expect(finder.querySelector('cr-day-grid th[scope="row"]')?.textContent).toContain(HOSPITAL.name);
    expect(finder.querySelectorAll('cr-day-grid thead th').length).toBeGreaterThanOrEqual(4);
    expect(finder.querySelectorAll('cr-day-grid .slot-time')).toHaveLength(2);
  });

  it('greys out at once a slot held elsewhere, from the event itself, until that hold ends', async () => {
    socket.emit(slotEvent(1, 's2', { heldCount: 1, heldUntil: inMs(400), state: 'held' }));
    await settle(fixture);
    expect(rows()[1].classList).toContain('taken');
    expect(rows()[1].textContent).toContain('Pris');
    expect(rows()[0].classList).not.toContain('taken');
    // The event also reads the search again, shortly: it still lists the held slot, which stays grey.
    await new Promise((done) => setTimeout(done, 300));
    answerSearch(slots);
    await settle(fixture);
    expect(rows()[1].classList).toContain('taken');
    // No event says a hold ended by itself: its end does.
    await new Promise((done) => setTimeout(done, 300));
    await settle(fixture);
    expect(rows()[1].classList).not.toContain('taken');
  });

  it('greys out a slot the search found held elsewhere, until that hold ends', async () => {
    socket.emit(slotEvent(1, 's9', {})); // another slot changed: the finder searches again
    await new Promise((done) => setTimeout(done, 250));
    answerSearch([slots[0], { ...slots[1], placesLeft: 0, heldUntil: inMs(300) }]);
    await settle(fixture);
    expect(rows()[1].classList).toContain('taken');
    await new Promise((done) => setTimeout(done, 450));
    await settle(fixture);
    expect(rows()[1].classList).not.toContain('taken');
  });

  it('never greys out the secretary’s own hold, and drops a slot booked elsewhere on the next search', async () => {
    (rows()[0].querySelector('button') as HTMLButtonElement).click();
    // Her hold's event may come before the answer to her hold.
    socket.emit(slotEvent(1, 's1', { heldCount: 1, heldUntil: inMs(180_000), state: 'held' }));
    await settle(fixture);
    expect(rows()[0].classList).not.toContain('taken');
    http.expectOne('/api/slots/s1/hold').flush({ slotId: 's1', expiresAt: inMs(180_000) });
    await settle(fixture);
    expect(rows()[0].classList).not.toContain('taken');
    expect(rows()[0].classList).toContain('held');

    socket.emit(slotEvent(2, 's2', { bookedCount: 1, state: 'booked' }));
    await settle(fixture);
    expect(rows()[1].classList).toContain('taken');
    await new Promise((done) => setTimeout(done, 300));
    answerSearch([slots[0]]);
    await settle(fixture);
    expect(rows()).toHaveLength(1);
  });

  it('searches again for the changes of its modality only', async () => {
    socket.emit({
      ...slotEvent(1, 'm1', { heldCount: 1, state: 'held' }),
      data: { ...slotEvent(1, 'm1', {}).data, modality: 'mri' },
    });
    await new Promise((done) => setTimeout(done, 300));
    http.expectNone((r) => r.url === '/api/slots/search');
  });
});
