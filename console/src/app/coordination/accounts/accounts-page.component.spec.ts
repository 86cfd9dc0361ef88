import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { AccountSummary, CentreSummary, TerritorySummary } from '@creneau/contracts';
import { accountOf, sessionOf } from '../../../testing/session-fixtures';
import { settle } from '../../../testing/settle';
import { signIn } from '../../../testing/sign-in';
import { AccountsPageComponent } from './accounts-page.component';

const centre = (id: string, name: string): CentreSummary => ({
  id,
  name,
  sector: 'private',
  organisation: 'SELARL',
  address: '1 rue de la Gare',
  location: { latitude: 46.7, longitude: -1.3 },
  phone: '+33 2 51 00 00 00',
  modalities: ['radiography'],
  wheelchairAccessible: true,
  stretcherAccessible: false,
  acceptsMrConditionalPacemaker: false,
  active: true,
});

const territory: TerritorySummary = {
  id: 't1',
  name: 'CPTS Centre-Vendée (démo)',
  timezone: 'Europe/Paris',
  targetDelayHours: 48,
  maximumDelayHours: 72,
  centres: [centre('c1', 'Clinique du Bocage'), centre('c2', 'Cabinet des Essarts')],
};

const me = accountOf('coordinator', { id: 'me', email: 'coordination@creneau.test' });
const accounts: AccountSummary[] = [
  accountOf('admin', { id: 'a1', email: 'admin@creneau.test' }),
  me,
  accountOf('centre', { id: 'a3', email: 'imagerie@creneau.test', centreIds: ['c1', 'c2'] }),
  accountOf('doctor', { id: 'a4', email: 'dr.martin@creneau.test', displayName: 'Dr Martin' }),
  accountOf('secretariat', { id: 'a5', email: 'secretariat@creneau.test', disabled: true }),
];

describe('AccountsPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AccountsPageComponent>;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    await signIn({ ...sessionOf('coordinator'), account: me });
    fixture = TestBed.createComponent(AccountsPageComponent);
    page = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/territories').flush([territory]);
    http.expectOne('/api/accounts').flush(accounts);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const row = (email: string) =>
    Array.from(page.querySelectorAll('tbody tr')).find((tr) => tr.querySelector('td')?.textContent === email) as HTMLElement;
  const cells = (email: string) => Array.from(row(email).querySelectorAll('td')).map((td) => td.textContent?.trim());
  const input = (selector: string) => page.querySelector(selector) as HTMLInputElement;
  const type = (selector: string, value: string) => {
    const field = input(selector);
    field.value = value;
    field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input'));
  };
  const submit = (selector: string) => page.querySelector(selector)?.dispatchEvent(new Event('submit'));

  it('lists every account with its role, its centres or RPPS, and its state', () => {
    expect(cells('imagerie@creneau.test')).toEqual([
      'imagerie@creneau.test',
      'Compte centre',
      'Centre d’imagerie',
      'Clinique du Bocage, Cabinet des Essarts',
      'Actif',
      'Désactiver',
    ]);
    expect(cells('dr.martin@creneau.test')[3]).toBe('RPPS 10001234567');
    expect(cells('secretariat@creneau.test').slice(4)).toEqual(['Désactivé', 'Réactiver']);
  });

  it('offers no action on one’s own account nor, to a coordinator, on administrators', () => {
    expect(row('coordination@creneau.test').querySelector('button')).toBeNull();
    expect(row('admin@creneau.test').querySelector('button')).toBeNull();
    expect(Array.from(page.querySelectorAll('#account-role option')).map((o) => o.textContent)).not.toContain('Administration');
  });

  it('creates a centre account bound to the centres ticked', async () => {
    type('#account-role', 'centre');
    await fixture.whenStable();
    const boxes = page.querySelectorAll<HTMLInputElement>('fieldset input[type="checkbox"]');
    expect(Array.from(page.querySelectorAll('fieldset label')).map((l) => l.textContent?.trim())).toEqual([
      'Clinique du Bocage',
      'Cabinet des Essarts',
    ]);
    boxes[1].click();
    type('#account-email', 'nouveau.radiologue@creneau.test');
    type('#account-name', 'Dr Nouveau Radiologue');
    type('#account-password', 'un-mot-de-passe-solide');
    submit('cr-account-form form');

    const request = http.expectOne('/api/accounts');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      email: 'nouveau.radiologue@creneau.test',
      displayName: 'Dr Nouveau Radiologue',
      role: 'centre',
      password: 'un-mot-de-passe-solide',
      centreIds: ['c2'],
    });
    request.flush(accountOf('centre', { id: 'new', email: 'nouveau.radiologue@creneau.test', centreIds: ['c2'] }));
    await settle(fixture);
    expect(cells('nouveau.radiologue@creneau.test')[3]).toBe('Cabinet des Essarts');
    expect(page.querySelector('cr-account-form [role="status"]')?.textContent).toBe(
      'Compte créé : nouveau.radiologue@creneau.test.',
    );
  });

  it('asks a doctor’s RPPS and says what is missing before sending', async () => {
    type('#account-role', 'doctor');
    await fixture.whenStable();
    type('#account-rpps', '123');
    submit('cr-account-form form');
    await settle(fixture);
    expect(page.querySelector('#account-rpps-error')?.textContent).toBe('Le numéro RPPS compte 11 chiffres.');
    expect(page.querySelector('#account-email-error')?.textContent).toBe('Adresse e-mail invalide.');
    expect(input('#account-email').getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the server’s refusal, such as an e-mail already taken', async () => {
    type('#account-email', 'secretariat@creneau.test');
    type('#account-name', 'Doublon');
    type('#account-password', 'un-mot-de-passe-solide');
    submit('cr-account-form form');
    http
      .expectOne('/api/accounts')
      .flush({ message: 'Un compte existe déjà avec cette adresse.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(page.querySelector('cr-account-form [role="alert"]')?.textContent).toBe('Un compte existe déjà avec cette adresse.');
  });

  it('disables an account only with a reason', async () => {
    (row('imagerie@creneau.test').querySelector('button') as HTMLButtonElement).click();
    await settle(fixture);
    expect(page.querySelector('cr-account-status-form h3')?.textContent).toBe('Désactiver le compte imagerie@creneau.test');
    expect(document.activeElement).toBe(input('#status-reason'));

    submit('cr-account-status-form form');
    await settle(fixture);
    expect(page.querySelector('#status-reason-error')?.textContent).toBe('Indiquez le motif (3 caractères au moins).');

    type('#status-reason', 'départ du centre');
    submit('cr-account-status-form form');
    const request = http.expectOne('/api/accounts/a3');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ disabled: true, reason: 'départ du centre' });
    request.flush({ ...accounts[2], disabled: true });
    await settle(fixture);
    expect(cells('imagerie@creneau.test').slice(4)).toEqual(['Désactivé', 'Réactiver']);
    expect(page.querySelector('cr-account-status-form')).toBeNull();
    expect(page.querySelector('section [role="status"]')?.textContent).toBe('Compte imagerie@creneau.test désactivé.');
  });

  it('enables a disabled account again, and Escape cancels', async () => {
    (row('secretariat@creneau.test').querySelector('button') as HTMLButtonElement).click();
    await settle(fixture);
    expect(page.querySelector('cr-account-status-form button[type="submit"]')?.textContent?.trim()).toBe(
      'Confirmer la réactivation',
    );
    page.querySelector('cr-account-status-form form')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle(fixture);
    expect(page.querySelector('cr-account-status-form')).toBeNull();
  });
});
