import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AppointmentView, RequestCommentView } from '@creneau/contracts';
import { bookableRequest } from '../../testing/request-fixtures';
import { settle } from '../../testing/settle';
import { TERRITORY } from '../../testing/territory-fixtures';
import { MyRequestPageComponent } from './my-request-page.component';

const comment: RequestCommentView = {
  id: 'c1',
  accountId: 'secretary',
  authorName: 'Camille Secrétariat',
  authorRole: 'secretariat',
  body: 'Le patient peut-il venir plus tôt ?',
  createdAt: '2026-11-23T09:00:00.000Z',
};

describe('MyRequestPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<MyRequestPageComponent>;
  let page: HTMLElement;
  const text = (selector: string) => page.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MyRequestPageComponent);
    fixture.componentRef.setInput('id', 'r1');
    page = fixture.nativeElement as HTMLElement;
    await settle(fixture);
    http.expectOne('/api/territories').flush([TERRITORY]);
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  it('shows the request, where and when it is booked, and its thread', async () => {
    const appointment = { centreName: 'Hôpital', start: '2026-11-24T10:00:00.000Z', status: 'booked' } as AppointmentView;
    http.expectOne('/api/requests/r1').flush(bookableRequest({ status: 'booked', appointment }));
    await settle(fixture);
    http.expectOne('/api/requests/r1/comments').flush([comment]);
    await settle(fixture);

    expect(page.querySelector('.breadcrumb a')?.getAttribute('href')).toBe('/medecin');
    expect(text('h1')).toBe('DURAND Paul CR-2026-000001');
    expect(text('.request-header p')).toBe('Réservée — en attente du centre Scanner — Colique néphrétique');
    expect(text('.follow-up')).toBe('Hôpital, mardi 24 novembre 2026 à 11:00');
    expect(text('cr-request-comments .thread li')).toContain('Le patient peut-il venir plus tôt ?');
    expect(page.querySelector('#comment-body')).not.toBeNull();
  });

  it('says why a request is not booked yet', async () => {
    http.expectOne('/api/requests/r1').flush(bookableRequest({ refusalCount: 1, lastRefusalReason: 'Scanner en panne' }));
    await settle(fixture);
    http.expectOne('/api/requests/r1/comments').flush([]);
    await settle(fixture);

    expect(text('.follow-up')).toBe('Refusée par le centre (Scanner en panne) : le télésecrétariat cherche un autre créneau.');
    expect(text('cr-request-comments')).toContain('Aucun échange pour l’instant.');
  });

  it.each([404, 403])('says so when the request is not the doctor’s to read (%d)', async (status) => {
    http.expectOne('/api/requests/r1').flush({ message: 'Demande introuvable.' }, { status, statusText: 'Refused' });
    await settle(fixture);

    expect(text('h1')).toBe('Demande introuvable');
    expect(text('[role="alert"]')).toBe('Cette demande n’existe pas ou ne fait pas partie de vos demandes.');
    expect(page.querySelector('cr-request-comments')).toBeNull();
  });
});
