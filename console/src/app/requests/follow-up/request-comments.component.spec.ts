import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { LiveRequestCommentEvent, RequestCommentView } from '@creneau/contracts';
import { button, typeInto } from '../../../testing/dom';
import { FakeLiveSocket, provideFakeLiveSocket } from '../../../testing/fake-live-socket';
import { settle } from '../../../testing/settle';
import { TERRITORY } from '../../../testing/territory-fixtures';
import { RELOAD_DEBOUNCE_MS } from '../../live/live-updates';
import { RequestCommentsComponent } from './request-comments.component';

const fromRadiologist: RequestCommentView = {
  id: 'c1',
  accountId: 'a2',
  authorName: 'Dr Morel',
  authorRole: 'centre',
  body: 'Scanner sans injection suffisant.',
  createdAt: '2026-11-24T09:00:00.000Z',
};

const fromDoctor: RequestCommentView = {
  id: 'c7',
  accountId: 'a3',
  authorName: 'Dr Martin',
  authorRole: 'doctor',
  body: 'Allergie à l’iode, voir le courrier.',
  createdAt: '2026-11-24T09:20:00.000Z',
};

/** The live event of a comment: ids, the author's role and the time, never the text. */
const commented = (id: number, commentId: string, requestId = 'r1'): LiveRequestCommentEvent => ({
  id,
  type: 'request.commented',
  entity: 'request',
  entityId: requestId,
  version: 2,
  occurredAt: '2026-11-24T09:20:00.100Z',
  data: { requestId, commentId, authorRole: 'doctor', createdAt: '2026-11-24T09:20:00.000Z' },
});

const afterDebounce = () => new Promise((done) => setTimeout(done, RELOAD_DEBOUNCE_MS + 20));

/** An element's text as read aloud: its pieces kept apart, spaces collapsed. */
function spoken(element: Element): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

describe('RequestCommentsComponent', () => {
  let http: HttpTestingController;
  let socket: FakeLiveSocket;
  let fixture: ComponentFixture<RequestCommentsComponent>;
  let page: HTMLElement;

  const thread = () => Array.from(page.querySelectorAll('.thread li')).map(spoken);

  beforeEach(async () => {
    socket = new FakeLiveSocket();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideFakeLiveSocket(socket)],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RequestCommentsComponent);
    fixture.componentRef.setInput('requestId', 'r1');
    page = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    http.expectOne('/api/territories').flush([TERRITORY]);
    http.expectOne('/api/requests/r1/comments').flush([fromRadiologist]);
    await settle(fixture);
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
  });

  it('shows each comment with its author, role and time', () => {
    expect(thread()).toEqual(['Dr Morel (Centre d’imagerie), 24/11/2026 10:00:00 Scanner sans injection suffisant.']);
    expect(page.querySelector('label[for="comment-body"]')?.textContent).toBe('Nouveau commentaire');
  });

  it('sends a comment, shows it at the end of the thread and empties the field', async () => {
    typeInto(page, '#comment-body', '  Patiente prévenue, merci.  ');
    button(page, 'Envoyer le commentaire').click();
    const sent = http.expectOne('/api/requests/r1/comments');
    expect(sent.request.method).toBe('POST');
    expect(sent.request.body).toEqual({ body: 'Patiente prévenue, merci.' });
    sent.flush({
      id: 'c2',
      accountId: 'a1',
      authorName: 'Sandrine Secrétaire',
      authorRole: 'secretariat',
      body: 'Patiente prévenue, merci.',
      createdAt: '2026-11-24T09:10:00.000Z',
    });
    await settle(fixture);
    expect(thread()[1]).toBe('Sandrine Secrétaire (Télésecrétariat), 24/11/2026 10:10:00 Patiente prévenue, merci.');
    expect((page.querySelector('#comment-body') as HTMLTextAreaElement).value).toBe('');
    expect(document.activeElement?.id).toBe('comment-body');
  });

  it('sends with Ctrl+Entrée from the field', async () => {
    typeInto(page, '#comment-body', 'Allergie à l’iode signalée par le MT.');
    page
      .querySelector('#comment-body')
      ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    http.expectOne('/api/requests/r1/comments').flush({ ...fromRadiologist, id: 'c3' });
    await settle(fixture);
  });

  it('refuses an empty comment without asking the server, and shows the server’s refusal', async () => {
    button(page, 'Envoyer le commentaire').click();
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('Écrivez le commentaire avant de l’envoyer.');
    http.expectNone('/api/requests/r1/comments');

    typeInto(page, '#comment-body', 'Bonjour');
    button(page, 'Envoyer le commentaire').click();
    http
      .expectOne('/api/requests/r1/comments')
      .flush({ message: 'Demande introuvable.' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('Demande introuvable.');
    expect((page.querySelector('#comment-body') as HTMLTextAreaElement).value).toBe('Bonjour');
  });

  it('reads the thread again when a comment is written elsewhere on this request, once for a burst', async () => {
    socket.emit(commented(1, 'c7'));
    socket.emit(commented(2, 'c7')); // the same comment told twice (a replay): one read
    http.expectNone('/api/requests/r1/comments'); // not at once: shortly, once for the burst
    await afterDebounce();
    http.expectOne('/api/requests/r1/comments').flush([fromRadiologist, fromDoctor]);
    await settle(fixture);
    expect(thread()[1]).toBe('Dr Martin (Médecin demandeur), 24/11/2026 10:20:00 Allergie à l’iode, voir le courrier.');
  });

  it('reads nothing for another request’s comment, another event, or its own comment already shown', async () => {
    socket.emit(commented(1, 'c8', 'r2'));
    socket.emit({
      id: 2,
      type: 'request.updated',
      entity: 'request',
      entityId: 'r1',
      version: 3,
      occurredAt: '2026-11-24T09:30:00.000Z',
      data: { requestId: 'r1', reference: 'CR-2026-000001', status: 'booked', readiness: 'bookable', modality: 'ct' },
    });
    socket.emit(commented(3, 'c1')); // already shown
    await afterDebounce();
    http.expectNone('/api/requests/r1/comments');
  });

  it('keeps the thread shown when a read again fails, and shows what the next one brings', async () => {
    socket.emit(commented(1, 'c7'));
    await afterDebounce();
    http
      .expectOne('/api/requests/r1/comments')
      .flush({ message: 'Service indisponible.' }, { status: 503, statusText: 'Service Unavailable' });
    await settle(fixture);
    expect(thread()).toHaveLength(1);
    expect(page.querySelector('[role="alert"]')).toBeNull();

    socket.emit(commented(2, 'c9'));
    await afterDebounce();
    http.expectOne('/api/requests/r1/comments').flush([fromRadiologist, fromDoctor]);
    await settle(fixture);
    expect(thread()).toHaveLength(2);
  });

  it('stops listening once gone', async () => {
    fixture.destroy();
    socket.emit(commented(1, 'c7'));
    await afterDebounce();
    http.expectNone('/api/requests/r1/comments');
  });
});
