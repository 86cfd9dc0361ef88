import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { RequestEventView } from '@creneau/contracts';
import { settle } from '../../../testing/settle';
import { TERRITORY } from '../../../testing/territory-fixtures';
import { RequestHistoryComponent } from './request-history.component';

const events: RequestEventView[] = [
  {
    id: '1',
    occurredAt: '2026-11-24T08:05:00.000Z',
    accountId: 'a1',
    accountName: 'Sandrine Secrétaire',
    action: 'create',
    fromStatus: null,
    toStatus: 'to-book',
    reason: null,
    appointmentId: null,
  },
  {
    id: '2',
    occurredAt: '2026-11-24T09:30:00.000Z',
    accountId: 'a2',
    accountName: 'Dr Morel',
    action: 'refuse',
    fromStatus: 'booked',
    toStatus: 'to-book',
    reason: 'Scanner en panne',
    appointmentId: 'ap1',
  },
  {
    id: '3',
    occurredAt: '2026-11-24T13:00:00.000Z',
    accountId: null,
    accountName: null,
    action: 'near-target',
    fromStatus: null,
    toStatus: null,
    reason: 'Moins de 6 h avant le délai de 48 h',
    appointmentId: null,
  },
];

describe('RequestHistoryComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<RequestHistoryComponent>;
  let page: HTMLElement;

  const rows = () =>
    Array.from(page.querySelectorAll('tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RequestHistoryComponent);
    fixture.componentRef.setInput('requestId', 'r1');
    page = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    http.expectOne('/api/territories').flush([TERRITORY]);
  });

  afterEach(() => http.verify());

  it('lists who did what, when and why, in French and in the territory’s zone', async () => {
    expect(page.textContent).toContain('Chargement de l’historique…');
    http.expectOne('/api/requests/r1/history').flush(events);
    await settle(fixture);
    expect(rows()).toEqual([
      ['24/11/2026 09:05:00', 'Sandrine Secrétaire', 'Demande enregistrée À programmer', ''],
      [
        '24/11/2026 10:30:00',
        'Dr Morel',
        'Refusé par le centre Réservée — en attente du centre → À programmer',
        'Scanner en panne',
      ],
      ['24/11/2026 14:00:00', 'Créneau (automatique)', 'Proche du délai de 48 h', 'Moins de 6 h avant le délai de 48 h'],
    ]);
  });

  it('reads the history again when the page says something changed', async () => {
    http.expectOne('/api/requests/r1/history').flush(events.slice(0, 1));
    await settle(fixture);
    expect(rows()).toHaveLength(1);
    fixture.componentRef.setInput('refresh', 1);
    await settle(fixture);
    http.expectOne('/api/requests/r1/history').flush(events);
    await settle(fixture);
    expect(rows()).toHaveLength(3);
  });

  it('says when the history cannot be read', async () => {
    http
      .expectOne('/api/requests/r1/history')
      .flush({ message: 'Demande introuvable.' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'L’historique n’a pas pu être chargé. Demande introuvable.',
    );
  });
});
