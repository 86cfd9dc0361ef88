import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { AuditEventView } from '@creneau/contracts';
import { accountOf } from '../../../testing/session-fixtures';
import { settle } from '../../../testing/settle';
import { AuditPageComponent } from './audit-page.component';

const coordinator = accountOf('coordinator', { id: 'a1', email: 'coordination@creneau.test' });
const radiologist = accountOf('centre', { id: 'a2', email: 'nouveau.radiologue@creneau.test' });

const disabled: AuditEventView = {
  id: '12',
  occurredAt: '2026-11-23T13:05:09.000Z',
  accountId: 'a1',
  accountEmail: 'coordination@creneau.test',
  action: 'disable',
  entity: 'account',
  entityId: 'a2',
  imagingRequestId: null,
  reason: 'départ du centre',
  details: { fields: ['disabled'] },
};

describe('AuditPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AuditPageComponent>;
  let page: HTMLElement;

  const auditRequest = () => http.expectOne((request) => request.url === '/api/audit');
  const paramsOf = (request: TestRequest) =>
    Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/accounts').flush([coordinator, radiologist]);
    http.expectOne('/api/territories').flush([{ id: 't1', name: 'CPTS', timezone: 'Europe/Paris', centres: [] }]);
  });

  afterEach(() => http.verify());

  const type = (selector: string, value: string) => {
    const field = page.querySelector(selector) as HTMLInputElement;
    field.value = value;
    field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input'));
  };
  const cells = () =>
    Array.from(page.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));

  it('lists the latest events in French, times in the territory’s zone', async () => {
    const first = auditRequest();
    expect(paramsOf(first)).toEqual({ limit: '200' });
    first.flush([disabled]);
    await settle(fixture);
    expect(cells()).toEqual([
      [
        '23/11/2026 14:05:09',
        'coordination@creneau.test',
        'Désactivation',
        'Compte nouveau.radiologue@creneau.test',
        'départ du centre',
        'fields : ["disabled"]',
      ],
    ]);
  });

  it('filters by author and by whole days of the period', async () => {
    auditRequest().flush([]);
    await settle(fixture);
    expect(cells()).toEqual([['Aucun événement pour ces filtres.']]);
    expect(Array.from(page.querySelectorAll('#audit-account option')).map((o) => o.textContent)).toEqual([
      'Tous les comptes',
      'coordination@creneau.test',
      'nouveau.radiologue@creneau.test',
    ]);

    type('#audit-account', 'a1');
    type('#audit-from', '2026-11-01');
    type('#audit-to', '2026-11-23');
    page.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    const filtered = auditRequest();
    expect(paramsOf(filtered)).toEqual({
      limit: '200',
      accountId: 'a1',
      from: '2026-10-31T23:00:00.000Z',
      to: '2026-11-23T23:00:00.000Z',
    });
    filtered.flush([disabled]);
    await settle(fixture);
    expect(cells()).toHaveLength(1);
  });

  it('refuses a period that ends before it starts', async () => {
    auditRequest().flush([]);
    type('#audit-from', '2026-11-23');
    type('#audit-to', '2026-11-01');
    page.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')?.textContent).toBe('La fin de la période précède son début.');
  });

  it('says when the journal cannot be loaded', async () => {
    auditRequest().error(new ProgressEvent('error'));
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Le journal n’a pas pu être chargé. Serveur injoignable');
  });
});
