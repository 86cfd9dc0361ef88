import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { settle } from '../../../testing/settle';
import { EvaluationImportComponent } from './evaluation-import.component';

describe('EvaluationImportComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<EvaluationImportComponent>;
  let form: HTMLElement;
  const file = new File(['identifiant;date de la demande\n'], 'evaluation-2024.csv', { type: 'text/csv' });

  const choose = (chosen: File) => {
    const input = form.querySelector('#import-file') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [chosen], configurable: true });
    input.dispatchEvent(new Event('change'));
  };
  const reason = (text: string) => {
    const input = form.querySelector('#import-reason') as HTMLInputElement;
    input.value = text;
    input.dispatchEvent(new Event('input'));
  };
  const submit = async () => {
    form.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EvaluationImportComponent);
    form = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('sends the file and the reason as a form, then says what was imported', async () => {
    choose(file);
    reason('reprise du tableur 2024');
    await submit();
    const request = http.expectOne('/api/indicators/import');
    expect(request.request.method).toBe('POST');
    const body = request.request.body as FormData;
    expect(body.get('reason')).toBe('reprise du tableur 2024');
    expect((body.get('file') as File).name).toBe('evaluation-2024.csv');
    request.flush({ rows: 120, imported: 118, alreadyPresent: 2 }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(form.querySelector('.success')?.textContent?.trim()).toBe('120 lignes lues : 118 importées, 2 déjà présentes.');
  });

  it('lists every line to correct when the server refused the file', async () => {
    choose(file);
    reason('reprise');
    await submit();
    http.expectOne('/api/indicators/import').flush(
      {
        statusCode: 422,
        message: 'Rien n’a été importé : 2 ligne(s) à corriger.',
        problems: [
          { line: 3, reasons: ['modalité : « PET » illisible', 'issue : vide'] },
          { line: 7, reasons: ['le rendez-vous précède la demande'] },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(form.querySelector('[role="alert"]')?.textContent).toBe('Rien n’a été importé : 2 ligne(s) à corriger.');
    expect(
      Array.from(form.querySelectorAll('tbody tr')).map((row) =>
        Array.from(row.querySelectorAll('td')).map((td) => td.textContent),
      ),
    ).toEqual([
      ['3', 'modalité : « PET » illisible ; issue : vide'],
      ['7', 'le rendez-vous précède la demande'],
    ]);
  });

  it('asks for the file and the reason before sending anything', async () => {
    reason('reprise');
    await submit();
    expect(form.querySelector('[role="alert"]')?.textContent).toBe('Choisissez le fichier et indiquez la raison de l’import.');
    http.expectNone('/api/indicators/import');
  });
});
