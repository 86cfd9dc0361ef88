import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { button, typeInto } from '../../../testing/dom';
import { bookableRequest } from '../../../testing/request-fixtures';
import { settle } from '../../../testing/settle';
import { TERRITORY } from '../../../testing/territory-fixtures';
import { OutsideProtocolPageComponent } from './outside-protocol-page.component';

describe('OutsideProtocolPageComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<OutsideProtocolPageComponent>;
  let page: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OutsideProtocolPageComponent);
    page = fixture.nativeElement as HTMLElement;
    http.expectOne('/api/territories').flush([TERRITORY]);
    await settle(fixture);
    const list = http.expectOne((r) => r.url === '/api/requests');
    expect(list.request.params.get('status')).toBe('to-book');
    list.flush([
      bookableRequest({ id: 'out', reference: 'CR-OUT', readiness: 'outside-protocol', suspectedDiagnosis: 'pneumonia' }),
      bookableRequest({ id: 'in', reference: 'CR-IN' }),
    ]);
    await settle(fixture);
  });
  afterEach(() => fixture.destroy());

  it('lists only the requests outside the protocol, and overrides one with a reason', async () => {
    expect(page.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(page.querySelector('tbody tr')?.textContent).toContain('Scanner — Pneumopathie');
    button(page, 'Accorder une dérogation').click();
    await settle(fixture);
    button(page, 'Accorder').click();
    await settle(fixture);
    expect(page.querySelector('[role="alert"]')?.textContent).toContain('Indiquez le motif de la dérogation');
    typeInto(page, '#override-out', 'Avis du radiologue de garde');
    button(page, 'Accorder').click();
    const override = http.expectOne('/api/requests/out/override');
    expect(override.request.body).toEqual({ reason: 'Avis du radiologue de garde' });
    override.flush(bookableRequest({ id: 'out', reference: 'CR-OUT' }));
    await settle(fixture);
    expect(page.querySelector('[role="status"]')?.textContent).toBe(
      'Dérogation accordée pour CR-OUT : la demande peut être programmée.',
    );
  });
});
