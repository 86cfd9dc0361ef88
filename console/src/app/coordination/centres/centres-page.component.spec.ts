import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, typeInto } from '../../../testing/dom';
import { submitClosure } from '../../../testing/closure-form';
import { settle } from '../../../testing/settle';
import { HOSPITAL, TERRITORY } from '../../../testing/territory-fixtures';
import { CentresPageComponent } from './centres-page.component';

describe('CentresPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CentresPageComponent>;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CentresPageComponent);
    page = fixture.nativeElement as HTMLElement;
    http.expectOne('/api/territories').flush([TERRITORY]);
    await settle(fixture);
    http.expectOne('/api/centres').flush([HOSPITAL]);
    await settle(fixture);
  });
  afterEach(() => http.verify());

  it('closes a centre for whole days in the territory’s time zone, with a reason', async () => {
    await submitClosure(fixture, HOSPITAL.id, { from: '2026-12-24', to: '2026-12-26', reason: 'Travaux du scanner' });
    const closure = http.expectOne(`/api/centres/${HOSPITAL.id}/closures`);
    expect(closure.request.body).toEqual({
      from: '2026-12-23T23:00:00.000Z',
      to: '2026-12-26T23:00:00.000Z',
      reason: 'Travaux du scanner',
    });
    closure.flush({ id: 'x', from: '', to: '', reason: '', appointments: [] });
    await settle(fixture);
    http.expectOne('/api/centres').flush([HOSPITAL]);
    expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      `${HOSPITAL.name} fermé du 2026-12-24 au 2026-12-26 : ses créneaux ne sont pas proposés.`,
    );
  });

  it('lists the appointments already made during a new closure, to move or cancel', async () => {
    await submitClosure(fixture, HOSPITAL.id, { from: '2026-12-24', to: '2026-12-24', reason: 'Coupure électrique' });
    http.expectOne(`/api/centres/${HOSPITAL.id}/closures`).flush({
      id: 'x',
      from: '2026-12-23T23:00:00.000Z',
      to: '2026-12-24T23:00:00.000Z',
      reason: 'Coupure électrique',
      appointments: [
        { id: 'a1', requestId: 'r1', reference: 'DEM-2026-0012', start: '2026-12-24T09:30:00.000Z' },
        { id: 'a2', requestId: 'r2', reference: 'DEM-2026-0015', start: '2026-12-24T14:00:00.000Z' },
      ],
    });
    await settle(fixture);
    http.expectOne('/api/centres').flush([HOSPITAL]);
    expect(page.querySelector('[role="status"]')?.textContent).toContain(
      '2 rendez-vous déjà pris tombent pendant la fermeture, à déplacer ou annuler : DEM-2026-0012 (jeu. 24/12 10:30), DEM-2026-0015 (jeu. 24/12 15:00).',
    );
  });

  it('changes a centre only with a reason', async () => {
    button(page, 'Modifier').click();
    await settle(fixture);
    expect((page.querySelector('#centre-name') as HTMLInputElement).value).toBe(HOSPITAL.name);
    typeInto(page, '#centre-phone', '02 51 00 10 01');
    page.querySelector('cr-centre-form form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(page.querySelector('#centre-reason-error')?.textContent).toContain('Indiquez le motif');
    typeInto(page, '#centre-reason', 'Nouveau standard');
    page.querySelector('cr-centre-form form')?.dispatchEvent(new Event('submit'));
    const update = http.expectOne(`/api/centres/${HOSPITAL.id}`);
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toMatchObject({ phone: '02 51 00 10 01', reason: 'Nouveau standard', active: true });
  });

  it('closes a centre for good, and lists its appointments still ahead', async () => {
    button(page, 'Modifier').click();
    await settle(fixture);
    (page.querySelector('input[formcontrolname="active"]') as HTMLInputElement).click();
    typeInto(page, '#centre-reason', 'Fin du partenariat');
    page.querySelector('cr-centre-form form')?.dispatchEvent(new Event('submit'));
    const update = http.expectOne(`/api/centres/${HOSPITAL.id}`);
    expect(update.request.body).toMatchObject({ active: false, reason: 'Fin du partenariat' });
    update.flush({
      ...HOSPITAL,
      active: false,
      appointments: [{ id: 'a1', requestId: 'r1', reference: 'DEM-2026-0020', start: '2026-12-02T13:00:00.000Z' }],
    });
    await settle(fixture);
    http.expectOne('/api/centres').flush([{ ...HOSPITAL, active: false }]);
    expect(page.querySelector('[role="status"]')?.textContent?.trim()).toBe(
      `Centre ${HOSPITAL.name} enregistré. Un rendez-vous déjà pris tombe pendant la fermeture, à déplacer ou annuler : ` +
        'DEM-2026-0020 (mer. 02/12 14:00).',
    );
  });

  it('creates a partner centre', async () => {
    button(page, 'Nouveau centre').click();
    await settle(fixture);
    typeInto(page, '#centre-name', 'Cabinet de Montaigu');
    typeInto(page, '#centre-organisation', 'SELARL Montaigu');
    typeInto(page, '#centre-street', '1 place de la Mairie');
    typeInto(page, '#centre-postcode', '85600');
    typeInto(page, '#centre-city', 'Montaigu-Vendée');
    typeInto(page, '#centre-mail', 'imagerie@montaigu.mssante.test');
    typeInto(page, '#centre-latitude', '46,97');
    typeInto(page, '#centre-longitude', '-1,31');
    typeInto(page, '#centre-phone', '02 51 00 40 00');
    (
      Array.from(page.querySelectorAll('label.check'))
        .find((l) => l.textContent?.trim() === 'Radiographie')
        ?.querySelector('input') as HTMLInputElement
    ).click();
    page.querySelector('cr-centre-form form')?.dispatchEvent(new Event('submit'));
    const create = http.expectOne((r) => r.url === '/api/centres' && r.method === 'POST');
    expect(create.request.body).toMatchObject({
      name: 'Cabinet de Montaigu',
      latitude: 46.97,
      longitude: -1.31,
      modalities: ['radiography'],
    });
  });
});
