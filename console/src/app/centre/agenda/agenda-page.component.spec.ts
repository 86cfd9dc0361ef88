import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AppointmentView, SlotView } from '@creneau/contracts';
import { button, typeInto } from '../../../testing/dom';
import { bookableRequest } from '../../../testing/request-fixtures';
import { sessionOf } from '../../../testing/session-fixtures';
import { submitClosure } from '../../../testing/closure-form';
import { settle } from '../../../testing/settle';
import { signIn } from '../../../testing/sign-in';
import { HOSPITAL, TERRITORY } from '../../../testing/territory-fixtures';
import { AgendaPageComponent } from './agenda-page.component';

describe('AgendaPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AgendaPageComponent>;
  let page: HTMLElement;
  const start = new Date(Date.now() + 3_600_000).toISOString();
  const slot: SlotView = {
    id: 's1',
    centreId: HOSPITAL.id,
    modality: 'ct',
    start,
    end: new Date(Date.now() + 5_400_000).toISOString(),
    capacity: 1,
    bookedCount: 1,
    state: 'booked',
    stateReason: null,
    indications: null,
    releaseAt: start,
    origin: 'manual',
    ruleId: null,
    importConflict: null,
    version: 1,
  };
  const appointment = {
    id: 'a1',
    requestId: 'r1',
    slotId: 's1',
    centreId: HOSPITAL.id,
    start,
    status: 'booked',
    chasedAt: new Date(Date.now() - 3_600_000).toISOString(),
    lostToFollowUpAt: null,
  } as AppointmentView;
  /** Four days ago, confirmed, its outcome never given: the lost-to-follow-up job flagged it. */
  const lost = {
    id: 'a2',
    requestId: 'r2',
    slotId: 's-past',
    centreId: HOSPITAL.id,
    start: new Date(Date.now() - 4 * 86_400_000).toISOString(),
    status: 'confirmed',
    chasedAt: null,
    lostToFollowUpAt: new Date(Date.now() - 86_400_000).toISOString(),
  } as AppointmentView;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    await signIn(sessionOf('centre', { centreIds: [HOSPITAL.id] }));
    fixture = TestBed.createComponent(AgendaPageComponent);
    page = fixture.nativeElement as HTMLElement;
    http.expectOne('/api/territories').flush([TERRITORY]);
    await settle(fixture);
    const slots = http.expectOne((r) => r.url === '/api/slots');
    expect(slots.request.params.get('centreId')).toBe(HOSPITAL.id);
    slots.flush([slot]);
    http.expectOne((r) => r.url === '/api/appointments').flush([appointment, lost]);
    http
      .expectOne('/api/requests')
      .flush([bookableRequest({ status: 'booked' }), bookableRequest({ id: 'r2', patientName: 'MARTIN Léa', status: 'booked' })]);
    await settle(fixture);
  });
  afterEach(() => fixture.destroy());

  it('puts the appointments to confirm first, with the patient and the exam', () => {
    const toConfirm = page.querySelector('.to-confirm')?.textContent ?? '';
    expect(toConfirm).toContain('À confirmer (1)');
    expect(toConfirm).toContain('DURAND Paul');
    expect(toConfirm).toContain('Scanner — Colique néphrétique');
  });

  it('says which booking the secretariat chased, and asks the outcome of an appointment lost to follow-up', () => {
    expect(page.querySelector('.to-confirm')?.textContent).toContain('Relancé : le secrétariat attend votre réponse');
    const due = page.querySelector('.outcome-due');
    expect(due?.textContent).toContain('Résultat à renseigner (1)');
    expect(due?.textContent).toContain('MARTIN Léa');
    expect(due?.textContent).not.toContain('DURAND Paul');
  });

  it('shows the week, and a day with its slots and appointments', async () => {
    expect(page.querySelectorAll('.agenda-week thead th')).toHaveLength(7);
    expect(page.querySelector('.agenda-week')?.textContent).toContain('DURAND Paul — À confirmer');
    button(page, 'Jour').click();
    await settle(fixture);
    expect(page.querySelector('.agenda-day')).not.toBeNull();
  });

  it('publishes a one-off slot in the territory’s local time', async () => {
    typeInto(page, '#slot-modality', 'mri');
    typeInto(page, '#slot-date', '2026-12-01');
    typeInto(page, '#slot-time', '11:00');
    page.querySelector('cr-publish-slot-form form')?.dispatchEvent(new Event('submit'));
    const publish = http.expectOne((r) => r.url === '/api/slots' && r.method === 'POST');
    expect(publish.request.body).toEqual({
      centreId: HOSPITAL.id,
      modality: 'mri',
      start: '2026-12-01T10:00:00.000Z',
      durationMinutes: 20,
      capacity: 1,
    });
  });

  it('lets the centre close a period itself, and says which appointments fall in it', async () => {
    await submitClosure(fixture, HOSPITAL.id, { from: '2026-12-01', to: '2026-12-01', reason: 'Panne du scanner' });
    const closure = http.expectOne(`/api/centres/${HOSPITAL.id}/closures`);
    expect(closure.request.body).toEqual({
      from: '2026-11-30T23:00:00.000Z',
      to: '2026-12-01T23:00:00.000Z',
      reason: 'Panne du scanner',
    });
    closure.flush({
      id: 'c1',
      from: '2026-11-30T23:00:00.000Z',
      to: '2026-12-01T23:00:00.000Z',
      reason: 'Panne du scanner',
      appointments: [{ id: 'a9', requestId: 'r9', reference: 'DEM-2026-0042', start: '2026-12-01T08:00:00.000Z' }],
    });
    await settle(fixture);

    expect(page.querySelector('[aria-labelledby="closure-title"] [role="status"]')?.textContent).toContain(
      'Un rendez-vous déjà pris tombe pendant la fermeture, à déplacer ou annuler : DEM-2026-0042 (mar. 01/12 09:00).',
    );
    expect(page.querySelector('cr-closure-form')).toBeNull();
    // The agenda is read again.
    http.expectOne((r) => r.url === '/api/slots').flush([slot]);
    http.expectOne((r) => r.url === '/api/appointments').flush([appointment]);
    http.expectOne('/api/requests').flush([bookableRequest({ status: 'booked' })]);
  });
});
