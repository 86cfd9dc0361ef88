import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RequestView } from '@creneau/contracts';
import { button, typeInto } from '../../../testing/dom';
import { bookableRequest, bookedAppointment } from '../../../testing/request-fixtures';
import { sessionOf } from '../../../testing/session-fixtures';
import { settle } from '../../../testing/settle';
import { signIn } from '../../../testing/sign-in';
import { TERRITORY } from '../../../testing/territory-fixtures';
import { RequestPageComponent } from './request-page.component';

describe('RequestPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<RequestPageComponent>;
  let page: HTMLElement;

  async function open(request: RequestView) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    await signIn(sessionOf('secretariat'));
    fixture = TestBed.createComponent(RequestPageComponent);
    fixture.componentRef.setInput('id', request.id);
    page = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    http.expectOne(`/api/requests/${request.id}`).flush(request);
    await settle(fixture);
    http.expectOne('/api/territories').flush([TERRITORY]);
    await settle(fixture);
  }
  afterEach(() => fixture.destroy());

  it('keeps an incomplete request out of booking: what is missing, and the GP to call back', async () => {
    await open(
      bookableRequest({
        status: 'incomplete',
        assessment: {
          ...bookableRequest().assessment,
          readiness: 'incomplete',
          bookable: false,
          missing: [{ field: 'clinicalElements', message: 'À renseigner : Éléments cliniques.' }],
        },
      }),
    );
    expect(page.querySelector('.notice')?.textContent).toContain('Demande incomplète : elle ne peut pas être programmée.');
    expect(page.querySelector('.notice')?.textContent).toContain('Éléments cliniques');
    expect(page.querySelector('.callback')?.textContent).toContain('rappel au 02 51 12 34 56');
    expect(page.querySelector('cr-slot-finder')).toBeNull();
    expect(page.querySelector('cr-request-form')).not.toBeNull();
  });

  it('opens the slot finder for a bookable request, and says why a refused one is back', async () => {
    await open(bookableRequest({ refusalCount: 1, lastRefusalReason: 'Scanner en panne' }));
    expect(page.querySelector('cr-slot-finder')).not.toBeNull();
    expect(page.textContent).toContain('Refusée par le centre (1 fois) : Scanner en panne');
    http.expectOne((r) => r.url === '/api/slots/search');
  });

  it('shows a booked request’s history and thread, and cancels its appointment: the request is back to book', async () => {
    const start = new Date(Date.now() + 5 * 3_600_000).toISOString();
    const appointment = bookedAppointment(start, start);
    await open(bookableRequest({ status: 'booked', appointment, appointments: [appointment] }));
    http.expectOne('/api/requests/r1/history').flush([]);
    http.expectOne('/api/requests/r1/comments').flush([]);
    await settle(fixture);
    expect(page.querySelector('cr-booking-summary')).not.toBeNull();
    expect(page.querySelector('cr-request-history h2')?.textContent).toBe('Historique');
    expect(page.querySelector('cr-request-comments h2')?.textContent).toBe('Échanges');

    button(page, 'Annuler le rendez-vous').click();
    await settle(fixture);
    typeInto(page, '#cancel-reason', 'Patient hospitalisé');
    button(page, 'Confirmer l’annulation').click();
    http.expectOne('/api/appointments/ap1/cancel').flush({ ...appointment, status: 'cancelled' });
    await settle(fixture);
    http.expectOne('/api/requests/r1').flush(bookableRequest({ appointment: { ...appointment, status: 'cancelled' } }));
    http.expectOne('/api/requests/r1/history').flush([]);
    await settle(fixture);
    expect(page.querySelector('[role="status"].notice')?.textContent).toBe('Rendez-vous annulé : le créneau est rendu.');
    expect(page.querySelector('cr-booking-summary')).toBeNull();
    expect(page.querySelector('cr-slot-finder')).not.toBeNull();
    http.expectOne((r) => r.url === '/api/slots/search');
  });
});
