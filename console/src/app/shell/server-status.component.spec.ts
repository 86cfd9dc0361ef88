import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ServerStatusComponent } from './server-status.component';

describe('ServerStatusComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  async function statusAfter(answer: (request: ReturnType<HttpTestingController['expectOne']>) => void): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(ServerStatusComponent);
    fixture.detectChanges();
    answer(http.expectOne('/api/health'));
    await fixture.whenStable();
    fixture.destroy();
    return fixture.nativeElement.querySelector('[role="status"]') as HTMLElement;
  }

  it('shows the service as up when the database answers', async () => {
    const status = await statusAfter((r) => r.flush({ status: 'ok', database: 'up', version: '0.1.0' }));
    expect(status.textContent).toBe('Service opérationnel');
    expect(status.classList).toContain('up');
  });

  it('tells a database outage (503) from an unreachable server', async () => {
    const outage = await statusAfter((r) =>
      r.flush({ status: 'unavailable', database: 'down', version: '0.1.0' }, { status: 503, statusText: 'Service Unavailable' }),
    );
    expect(outage.textContent).toBe('Base de données indisponible');
    const unreachable = await statusAfter((r) => r.error(new ProgressEvent('error')));
    expect(unreachable.textContent).toBe('Serveur injoignable');
  });
});
