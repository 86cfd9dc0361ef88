import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AppointmentView, RequestSummary } from '@creneau/contracts';
import { button } from '../../../testing/dom';
import { bookableRequest } from '../../../testing/request-fixtures';
import { settle } from '../../../testing/settle';
import { TERRITORY } from '../../../testing/territory-fixtures';
import { QueuePageComponent } from './queue-page.component';

const summary = (overrides: Partial<RequestSummary>): RequestSummary => {
  const { form: _form, confirmations: _c, assessment: _a, override: _o, appointments: _ap, ...line } = bookableRequest();
  return { ...line, ...overrides };
};

describe('QueuePageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<QueuePageComponent>;
  let page: HTMLElement;
  const hour = 3_600_000;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(QueuePageComponent);
    page = fixture.nativeElement as HTMLElement;
    http.expectOne('/api/territories').flush([TERRITORY]);
    await settle(fixture);
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  afterEach(() => fixture.destroy());

  const answer = (requests: RequestSummary[]) => {
    const request = http.expectOne((r) => r.url === '/api/requests');
    request.flush(requests);
    return request;
  };

  it('lists the open requests, most urgent first, with the time left and what to do', async () => {
    const now = Date.now();
    const request = answer([
      summary({
        id: 'late',
        patientName: 'LATE Léa',
        targetAt: new Date(now + 39.5 * hour).toISOString(),
        maximumAt: new Date(now + 63.5 * hour).toISOString(),
      }),
      summary({
        id: 'urgent',
        patientName: 'URGENT Ugo',
        status: 'incomplete',
        missingFields: ['clinicalElements'],
        targetAt: new Date(now - 2 * hour).toISOString(),
        maximumAt: new Date(now + 22.5 * hour).toISOString(),
      }),
    ]);
    expect(request.request.params.get('status')).toBe('open');
    await settle(fixture);
    const rows = Array.from(page.querySelectorAll('tbody tr')).map((tr) => tr.textContent ?? '');
    expect(rows[0]).toContain('URGENT Ugo');
    expect(rows[0]).toContain('48 h dépassé — 22 h avant 72 h');
    expect(rows[0]).toContain('Rappeler le médecin : Éléments cliniques');
    expect(rows[1]).toContain('39 h avant 48 h');
  });

  it('shows the scheduled jobs’ flags while they still call for something', async () => {
    const now = Date.now();
    const flaggedAt = new Date(now - hour).toISOString();
    const appointment: AppointmentView = {
      id: 'ap',
      requestId: 'chased',
      slotId: 's',
      centreId: 'c',
      centreName: 'Hôpital',
      start: new Date(now + 20 * hour).toISOString(),
      end: new Date(now + 20.5 * hour).toISOString(),
      status: 'booked',
      bookedAt: new Date(now - 30 * hour).toISOString(),
      answeredAt: null,
      reason: null,
      imagingResult: null,
      chasedAt: flaggedAt,
      lostToFollowUpAt: null,
      version: 2,
    };
    answer([
      summary({ id: 'over', patientName: 'OVER Olga', overDeadlineAt: flaggedAt, nearTargetAt: flaggedAt }),
      summary({ id: 'near', patientName: 'NEAR Noé', nearTargetAt: flaggedAt }),
      summary({ id: 'chased', patientName: 'CHASED Chloé', status: 'booked', nearTargetAt: flaggedAt, appointment }),
      summary({
        id: 'lost',
        patientName: 'LOST Luc',
        status: 'confirmed',
        appointment: { ...appointment, id: 'ap2', requestId: 'lost', status: 'confirmed', lostToFollowUpAt: flaggedAt },
      }),
      summary({ id: 'plain', patientName: 'PLAIN Paul' }),
    ]);
    await settle(fixture);
    const flags = Object.fromEntries(
      Array.from(page.querySelectorAll('tbody tr')).map((tr) => [
        tr.querySelector('a')?.textContent?.trim(),
        Array.from(tr.querySelectorAll('td:nth-child(5) .deadline')).map((badge) => badge.textContent?.trim()),
      ]),
    );
    expect(flags).toEqual({
      'OVER Olga': ['Hors délai'],
      'NEAR Noé': ['Objectif proche'],
      'CHASED Chloé': ['Centre relancé'],
      'LOST Luc': ['Perdu de vue'],
      'PLAIN Paul': [],
    });
  });

  it('shows only the requests a centre refused under « Refusées par un centre », with the reason', async () => {
    answer([]);
    button(page, 'Refusées par un centre').click();
    await settle(fixture);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const request = answer([
      summary({ id: 'a', patientName: 'REFUS Rémi', refusalCount: 1, lastRefusalReason: 'Scanner en panne' }),
      summary({ id: 'b', patientName: 'AUTRE Anne' }),
    ]);
    expect(request.request.params.get('status')).toBe('to-book');
    await settle(fixture);
    const rows = page.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    expect(rows[0].textContent).toContain('Motif : Scanner en panne');
  });

  it('searches by patient or doctor', async () => {
    answer([]);
    const search = page.querySelector('#queue-search') as HTMLInputElement;
    search.value = 'durand';
    search.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(fixture);
    expect(answer([]).request.params.get('q')).toBe('durand');
  });
});
