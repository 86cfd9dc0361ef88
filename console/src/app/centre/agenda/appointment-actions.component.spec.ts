import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { AppointmentView } from '@creneau/contracts';
import { button, typeInto } from '../../../testing/dom';
import { settle } from '../../../testing/settle';
import { AppointmentActionsComponent } from './appointment-actions.component';

const appointment: AppointmentView = {
  id: 'a1',
  requestId: 'r1',
  slotId: 's1',
  centreId: 'c1',
  centreName: 'Hôpital',
  start: '2026-11-24T10:00:00.000Z',
  end: '2026-11-24T10:30:00.000Z',
  status: 'booked',
  bookedAt: '2026-11-23T20:00:00.000Z',
  answeredAt: null,
  reason: null,
  imagingResult: null,
  chasedAt: null,
  lostToFollowUpAt: null,
  version: 1,
};

describe('AppointmentActionsComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AppointmentActionsComponent>;
  let actions: HTMLElement;
  let answered: AppointmentView[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AppointmentActionsComponent);
    fixture.componentRef.setInput('appointment', appointment);
    fixture.componentRef.setInput('patient', 'DURAND Paul');
    answered = [];
    fixture.componentInstance.answered.subscribe((a) => answered.push(a));
    actions = fixture.nativeElement as HTMLElement;
    await settle(fixture);
  });
  afterEach(() => http.verify());

  it('confirms a booked appointment', async () => {
    expect(button(actions, 'Confirmer').getAttribute('aria-label')).toBe('Confirmer le rendez-vous de DURAND Paul');
    button(actions, 'Confirmer').click();
    const request = http.expectOne('/api/appointments/a1/confirm');
    expect(request.request.method).toBe('POST');
    request.flush({ ...appointment, status: 'confirmed' });
    await settle(fixture);
    expect(answered[0].status).toBe('confirmed');
  });

  it('refuses only with a reason, freeing or withdrawing the slot', async () => {
    button(actions, 'Refuser').click();
    await settle(fixture);
    button(actions, 'Confirmer le refus').click();
    await settle(fixture);
    expect(actions.querySelector('[role="alert"]')?.textContent).toContain('Indiquez le motif du refus');
    typeInto(actions, 'input[formcontrolname="reason"]', 'Scanner en panne');
    (actions.querySelector('input[value="withdraw"]') as HTMLInputElement).click();
    button(actions, 'Confirmer le refus').click();
    expect(http.expectOne('/api/appointments/a1/refuse').request.body).toEqual({ reason: 'Scanner en panne', slot: 'withdraw' });
  });

  it('records the imaging result when the exam is done, and a no-show', async () => {
    button(actions, 'Examen réalisé').click();
    await settle(fixture);
    typeInto(actions, 'select', 'not-confirmed');
    button(actions, 'Enregistrer le résultat').click();
    const done = http.expectOne('/api/appointments/a1/done');
    expect(done.request.body).toEqual({ result: 'not-confirmed' });
    done.flush({ ...appointment, status: 'done' });
    await settle(fixture);

    button(actions, 'Patient absent').click();
    expect(http.expectOne('/api/appointments/a1/no-show').request.body).toEqual({});
  });
});
