import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { RequestCommentView } from '@creneau/contracts';
import { button, typeInto } from '../../../testing/dom';
import { settle } from '../../../testing/settle';
import { TERRITORY } from '../../../testing/territory-fixtures';
import { RequestCommentsComponent } from './request-comments.component';

const fromRadiologist: RequestCommentView = {
  id: 'c1',
  accountId: 'a2',
  authorName: 'Dr Morel',
  authorRole: 'centre',
  body: 'Scanner sans injection suffisant.',
  createdAt: '2026-11-24T09:00:00.000Z',
};

/** An element's text as read aloud: its pieces kept apart, spaces collapsed. */
function spoken(element: Element): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

describe('RequestCommentsComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<RequestCommentsComponent>;
  let page: HTMLElement;

  const thread = () => Array.from(page.querySelectorAll('.thread li')).map(spoken);

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RequestCommentsComponent);
    fixture.componentRef.setInput('requestId', 'r1');
    page = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    http.expectOne('/api/territories').flush([TERRITORY]);
    http.expectOne('/api/requests/r1/comments').flush([fromRadiologist]);
    await settle(fixture);
  });

  afterEach(() => http.verify());

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
});
