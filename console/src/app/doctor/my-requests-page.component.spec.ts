import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AppointmentView } from '@creneau/contracts';
import { bookableRequest } from '../../testing/request-fixtures';
import { settle } from '../../testing/settle';
import { TERRITORY } from '../../testing/territory-fixtures';
import { MyRequestsPageComponent } from './my-requests-page.component';

describe('MyRequestsPageComponent', () => {
  let fixture: ComponentFixture<MyRequestsPageComponent>;

  afterEach(() => fixture.destroy());

  it('tells the doctor where and when, or why not yet, and links each request to its page', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    const http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyRequestsPageComponent);
    http.expectOne('/api/territories').flush([TERRITORY]);
    await settle(fixture);
    const appointment = { centreName: 'Hôpital', start: '2026-11-24T10:00:00.000Z', status: 'booked' } as AppointmentView;
    http.expectOne('/api/requests').flush([
      bookableRequest({ id: 'a', receivedAt: '2026-11-23T08:00:00.000Z', status: 'booked', appointment }),
      bookableRequest({
        id: 'b',
        receivedAt: '2026-11-23T09:00:00.000Z',
        refusalCount: 1,
        lastRefusalReason: 'Scanner en panne',
      }),
      bookableRequest({
        id: 'c',
        receivedAt: '2026-11-23T10:00:00.000Z',
        status: 'incomplete',
        missingFields: ['patient.birthDate'],
      }),
    ]);
    await settle(fixture);
    const rows = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr')).map((tr) => tr.textContent);
    expect(rows[0]).toContain('le télésecrétariat vous rappellera pour Date de naissance');
    expect(rows[1]).toContain('Refusée par le centre (Scanner en panne)');
    expect(rows[2]).toContain('Hôpital, mardi 24 novembre 2026 à 11:00');
    const links = (fixture.nativeElement as HTMLElement).querySelectorAll('tbody tr a');
    expect(Array.from(links).map((a) => a.getAttribute('href'))).toEqual([
      '/medecin/demandes/c',
      '/medecin/demandes/b',
      '/medecin/demandes/a',
    ]);
    expect(links[0].textContent).toBe('DURAND Paul');
  });
});
