import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AppointmentView } from '@creneau/contracts';
import { bookableRequest } from '../../../testing/request-fixtures';
import { settle } from '../../../testing/settle';
import { HOSPITAL, TERRITORY } from '../../../testing/territory-fixtures';
import { CentreRequestPageComponent } from './centre-request-page.component';

const appointment: AppointmentView = {
  id: 'ap1',
  requestId: 'r1',
  slotId: 's1',
  centreId: HOSPITAL.id,
  centreName: HOSPITAL.name,
  start: '2026-11-24T10:00:00.000Z',
  end: '2026-11-24T10:30:00.000Z',
  status: 'booked',
  bookedAt: '2026-11-24T08:00:00.000Z',
  answeredAt: null,
  reason: null,
  imagingResult: null,
  chasedAt: null,
  lostToFollowUpAt: null,
  version: 1,
};

describe('CentreRequestPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<CentreRequestPageComponent>;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CentreRequestPageComponent);
    fixture.componentRef.setInput('id', 'r1');
    page = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    http.expectOne('/api/territories').flush([TERRITORY]);
  });

  afterEach(() => http.verify());

  it('shows the request booked with the centre, its appointments, its history and its thread', async () => {
    const request = bookableRequest({ status: 'booked', appointment, appointments: [appointment] });
    http.expectOne('/api/requests/r1').flush({
      ...request,
      form: { ...request.form, clinicalElements: 'Douleur lombaire brutale', allergies: { contrastAgent: false, details: null } },
    });
    await settle(fixture);
    http.expectOne('/api/requests/r1/history').flush([]);
    http.expectOne('/api/requests/r1/comments').flush([]);
    await settle(fixture);

    expect(page.querySelector('h1')?.textContent).toContain('DURAND Paul');
    expect(page.querySelector('.clinical')?.textContent).toContain('Douleur lombaire brutale');
    expect(page.querySelector('ul li')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `mar. 24/11 11:00 — ${HOSPITAL.name} — À confirmer`,
    );
    expect(page.querySelector('cr-request-history h2')?.textContent).toBe('Historique');
    expect(page.querySelector('#comment-body')).not.toBeNull();
  });

  it('says when the request is not the centre’s to read', async () => {
    http.expectOne('/api/requests/r1').flush({ message: 'Demande introuvable.' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain(
      'La demande n’a pas pu être chargée. Demande introuvable.',
    );
    expect(page.querySelector('cr-request-comments')).toBeNull();
  });
});
