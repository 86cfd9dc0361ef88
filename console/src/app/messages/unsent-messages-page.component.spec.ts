import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { UnsentMessageView } from '@creneau/contracts';
import { button } from '../../testing/dom';
import { settle } from '../../testing/settle';
import { TERRITORY } from '../../testing/territory-fixtures';
import { UnsentMessagesPageComponent } from './unsent-messages-page.component';

const pending: UnsentMessageView = {
  id: 'm1',
  kind: 'booked',
  requestId: 'r1',
  reference: 'CR-2026-000042',
  appointmentId: 'ap1',
  doctorName: 'Dr Jeanne Martin',
  doctorPhone: '02 51 12 34 56',
  recipients: ['dr.martin@creneau.test'],
  copyTo: ['cpts@creneau.test'],
  recipientNote: null,
  subject: 'Rendez-vous réservé — CR-2026-000042',
  body: 'Bonjour,\nle rendez-vous est réservé.',
  status: 'pending',
  attempts: 0,
  lastError: null,
  nextAttemptAt: '2026-11-24T09:00:00.000Z',
  createdAt: '2026-11-24T09:00:00.000Z',
};

const failed: UnsentMessageView = {
  ...pending,
  id: 'm2',
  kind: 'refused',
  requestId: 'r2',
  reference: 'CR-2026-000043',
  doctorName: 'Dr Paul Remplaçant',
  doctorPhone: '02 51 00 00 00',
  recipients: [],
  recipientNote: 'Aucun compte médecin pour le RPPS 10009999999 : copie à la CPTS seulement.',
  status: 'failed',
  attempts: 8,
  lastError: '550 mailbox unavailable',
};

/** An element's text as read aloud: its pieces kept apart, spaces collapsed. */
function spoken(element: Element): string {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

describe('UnsentMessagesPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<UnsentMessagesPageComponent>;
  let page: HTMLElement;

  const rows = () => Array.from(page.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map(spoken));

  async function open(requestPath: string | null): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UnsentMessagesPageComponent);
    fixture.componentRef.setInput('requestPath', requestPath);
    page = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    http.expectOne('/api/territories').flush([TERRITORY]);
  }

  afterEach(() => http.verify());

  it('lists the messages that did not leave, with the doctor’s phone to call instead', async () => {
    await open('/secretariat/demandes');
    http.expectOne('/api/messages/unsent').flush([pending, failed]);
    await settle(fixture);
    expect(rows()).toEqual([
      [
        '24/11/2026 10:00:00',
        'CR-2026-000042',
        'Dr Jeanne Martin 02 51 12 34 56',
        'Rendez-vous réservé Rendez-vous réservé — CR-2026-000042 Bonjour, le rendez-vous est réservé. À : dr.martin@creneau.test (copie : cpts@creneau.test)',
        'En attente d’envoi',
      ],
      [
        '24/11/2026 10:00:00',
        'CR-2026-000043',
        'Dr Paul Remplaçant 02 51 00 00 00 Aucun compte médecin pour le RPPS 10009999999 : copie à la CPTS seulement.',
        'Refus du centre Rendez-vous réservé — CR-2026-000042 Bonjour, le rendez-vous est réservé. À : — (copie : cpts@creneau.test)',
        'Abandonné après 8 essais 550 mailbox unavailable',
      ],
    ]);
    expect(page.querySelector('a.phone')?.getAttribute('href')).toBe('tel:0251123456');
    expect(page.querySelector('tbody a[href="/secretariat/demandes/r1"]')?.textContent).toBe('CR-2026-000042');
  });

  it('names the request without a link where the workspace has no request page, and reloads on demand', async () => {
    await open(null);
    http.expectOne('/api/messages/unsent').flush([{ ...pending, attempts: 2, lastError: 'connexion refusée' }]);
    await settle(fixture);
    expect(page.querySelector('tbody a[href^="/"]')).toBeNull();
    expect(rows()[0][4]).toBe('Nouvel essai le 24/11/2026 10:00:00 2 essai(s) connexion refusée');

    button(page, 'Actualiser').click();
    await settle(fixture);
    http.expectOne('/api/messages/unsent').flush([]);
    await settle(fixture);
    expect(page.textContent).toContain('Tous les messages sont partis.');
  });

  it('says when the list cannot be read', async () => {
    await open(null);
    http.expectOne('/api/messages/unsent').error(new ProgressEvent('error'));
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'Les messages n’ont pas pu être chargés. Serveur injoignable',
    );
  });
});
