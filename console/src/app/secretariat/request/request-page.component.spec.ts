import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { RequestView } from '@creneau/contracts';
import { bookableRequest } from '../../../testing/request-fixtures';
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
});
