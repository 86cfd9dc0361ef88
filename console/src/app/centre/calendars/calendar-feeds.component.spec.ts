import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { CalendarFeedAccess, CalendarFeedView } from '@creneau/contracts';
import { button, typeInto } from '../../../testing/dom';
import { settle } from '../../../testing/settle';
import { HOSPITAL, TERRITORY } from '../../../testing/territory-fixtures';
import { CalendarFeedsComponent } from './calendar-feeds.component';
import { feedAddress } from './calendar-feeds-api';

const TOKEN = 'a'.repeat(43);

const feed = (overrides: Partial<CalendarFeedView> = {}): CalendarFeedView => ({
  id: 'f1',
  scope: 'centre',
  label: 'Outlook du secrétariat',
  centreId: HOSPITAL.id,
  centreName: HOSPITAL.name,
  accountId: null,
  accountName: null,
  createdAt: '2026-11-20T08:00:00.000Z',
  tokenCreatedAt: '2026-11-20T08:00:00.000Z',
  revokedAt: null,
  ...overrides,
});

const access = (view: CalendarFeedView, token = TOKEN): CalendarFeedAccess => ({
  ...view,
  token,
  path: `/api/calendars/feed.ics?token=${token}`,
});

describe('CalendarFeedsComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CalendarFeedsComponent>;
  let page: HTMLElement;

  const rows = () =>
    Array.from(page.querySelectorAll('table.feeds tbody tr')).map((tr) =>
      Array.from(tr.querySelectorAll('th, td')).map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CalendarFeedsComponent);
    fixture.componentRef.setInput('centre', HOSPITAL);
    page = fixture.nativeElement as HTMLElement;
    document.body.appendChild(page);
    await settle(fixture);
    http.expectOne('/api/territories').flush([TERRITORY]);
    http
      .expectOne('/api/calendar-feeds')
      .flush([
        feed(),
        feed({ id: 'f2', scope: 'account', label: 'Mon téléphone', centreId: null, centreName: null, accountId: 'me' }),
        feed({ id: 'f3', label: 'Autre centre', centreId: 'c-other', centreName: 'Clinique' }),
        feed({ id: 'f4', label: 'Ancien RIS', revokedAt: '2026-11-21T10:00:00.000Z' }),
      ]);
    await settle(fixture);
  });

  afterEach(() => {
    fixture.destroy();
    http.verify();
  });

  it('lists this centre’s feeds and the caller’s own, never another centre’s, without their addresses', () => {
    expect(rows()).toEqual([
      [
        'Outlook du secrétariat',
        `Agenda du centre — ${HOSPITAL.name}`,
        '20/11/2026 09:00:00',
        'Actif',
        'Nouvelle adresse Révoquer',
      ],
      ['Mon téléphone', 'Agenda personnel (mes centres)', '20/11/2026 09:00:00', 'Actif', 'Nouvelle adresse Révoquer'],
      ['Ancien RIS', `Agenda du centre — ${HOSPITAL.name}`, '20/11/2026 09:00:00', 'Révoqué le 21/11/2026 11:00:00', ''],
    ]);
    expect(page.querySelector('#feed-address')).toBeNull();
  });

  it('creates a centre feed and shows its full address once, focused, to copy', async () => {
    typeInto(page, '#feed-label', 'Agenda Google du Dr Morel');
    button(page, 'Créer le flux').click();
    const created = http.expectOne((r) => r.method === 'POST' && r.url === '/api/calendar-feeds');
    expect(created.request.body).toEqual({ scope: 'centre', centreId: HOSPITAL.id, label: 'Agenda Google du Dr Morel' });
    created.flush(access(feed({ id: 'f5', label: 'Agenda Google du Dr Morel' })));
    await settle(fixture);
    http.expectOne('/api/calendar-feeds').flush([feed({ id: 'f5', label: 'Agenda Google du Dr Morel' })]);
    await settle(fixture);

    const address = page.querySelector('#feed-address') as HTMLInputElement;
    expect(address.value).toBe(`${location.origin}/api/calendars/feed.ics?token=${TOKEN}`);
    expect(address.readOnly).toBe(true);
    expect(document.activeElement?.id).toBe('address-title');

    // jsdom has no clipboard: the address is selected for Ctrl+C instead.
    button(page, 'Copier l’adresse').click();
    await settle(fixture);
    expect(page.querySelector('.address [role="status"]')?.textContent).toContain('copiez-la avec Ctrl+C');
  });

  it('copies the address where the browser allows it', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: (text: string) => (written.push(text), Promise.resolve()) },
    });
    try {
      typeInto(page, '#feed-scope', 'account');
      typeInto(page, '#feed-label', 'Mon téléphone');
      button(page, 'Créer le flux').click();
      const created = http.expectOne((r) => r.method === 'POST' && r.url === '/api/calendar-feeds');
      expect(created.request.body).toEqual({ scope: 'account', label: 'Mon téléphone' });
      created.flush(access(feed({ id: 'f6', scope: 'account' })));
      await settle(fixture);
      http.expectOne('/api/calendar-feeds').flush([]);
      button(page, 'Copier l’adresse').click();
      await settle(fixture);
      expect(written).toEqual([`${location.origin}/api/calendars/feed.ics?token=${TOKEN}`]);
      expect(page.querySelector('.address [role="status"]')?.textContent).toBe('Adresse copiée.');
    } finally {
      delete (navigator as { clipboard?: unknown }).clipboard;
    }
  });

  it('gives a feed a new address with a reason, and shows it', async () => {
    button(page, 'Nouvelle adresse').click();
    await settle(fixture);
    expect(document.activeElement?.id).toBe('feed-reason');
    button(page, 'Donner une nouvelle adresse').click();
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('Indiquez le motif (3 caractères au moins).');

    typeInto(page, '#feed-reason', 'Adresse envoyée par erreur');
    button(page, 'Donner une nouvelle adresse').click();
    const regenerated = http.expectOne('/api/calendar-feeds/f1/regenerate');
    expect(regenerated.request.body).toEqual({ reason: 'Adresse envoyée par erreur' });
    const token = 'b'.repeat(43);
    regenerated.flush(access(feed(), token));
    await settle(fixture);
    http.expectOne('/api/calendar-feeds').flush([feed()]);
    await settle(fixture);
    expect((page.querySelector('#feed-address') as HTMLInputElement).value).toContain(`token=${token}`);
    expect(page.querySelector('#feed-reason')).toBeNull();
  });

  it('revokes a feed with a reason', async () => {
    button(page, 'Révoquer').click();
    await settle(fixture);
    typeInto(page, '#feed-reason', 'Poste volé');
    button(page, 'Confirmer la révocation').click();
    const revoked = http.expectOne('/api/calendar-feeds/f1/revoke');
    expect(revoked.request.body).toEqual({ reason: 'Poste volé' });
    revoked.flush({ ...feed(), revokedAt: '2026-11-24T10:00:00.000Z' });
    await settle(fixture);
    http.expectOne('/api/calendar-feeds').flush([{ ...feed(), revokedAt: '2026-11-24T10:00:00.000Z' }]);
    await settle(fixture);
    expect(rows()[0][3]).toBe('Révoqué le 24/11/2026 11:00:00');
    expect(page.querySelector('#feed-reason')).toBeNull();
    expect(page.textContent).toContain('Flux « Outlook du secrétariat » révoqué.');
  });

  it('builds the address from the server’s origin', () => {
    expect(feedAddress({ path: '/api/calendars/feed.ics?token=x' }, 'https://creneau.example.fr')).toBe(
      'https://creneau.example.fr/api/calendars/feed.ics?token=x',
    );
  });
});
