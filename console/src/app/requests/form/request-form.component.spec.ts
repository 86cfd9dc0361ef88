import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { RequestView } from '@creneau/contracts';
import { clickOn, typeInto } from '../../../testing/dom';
import { sessionOf } from '../../../testing/session-fixtures';
import { settle } from '../../../testing/settle';
import { signIn } from '../../../testing/sign-in';
import { TERRITORY } from '../../../testing/territory-fixtures';
import { RequestFormComponent, RequestFormMode } from './request-form.component';

describe('RequestFormComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<RequestFormComponent>;
  let form: HTMLElement;
  let saved: RequestView[];

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  async function render(mode: RequestFormMode = 'secretariat', request: RequestView | null = null) {
    await signIn(
      mode === 'doctor'
        ? sessionOf('doctor', { displayName: 'Dr Jeanne Martin (médecin généraliste)' })
        : sessionOf('secretariat'),
    );
    fixture = TestBed.createComponent(RequestFormComponent);
    fixture.componentRef.setInput('mode', mode);
    fixture.componentRef.setInput('request', request);
    http.expectOne('/api/territories').flush([TERRITORY]);
    saved = [];
    fixture.componentInstance.saved.subscribe((view) => saved.push(view));
    form = fixture.nativeElement as HTMLElement;
    await settle(fixture);
  }

  function fillComplete(): void {
    typeInto(form, '#rq-doctorName', 'Dr Claire Martin');
    if (form.querySelector('#rq-doctorRpps')) typeInto(form, '#rq-doctorRpps', '10101234567');
    typeInto(form, '#rq-doctorPhone', '02 51 12 34 56');
    typeInto(form, '#rq-lastName', 'Durand');
    typeInto(form, '#rq-firstName', 'Paul');
    typeInto(form, '#rq-birthDate', '14061958');
    typeInto(form, '#rq-patientPhone', '06 12 34 56 78');
    typeInto(form, '#rq-street', '12 rue Clemenceau');
    typeInto(form, '#rq-postalCode', '85000');
    typeInto(form, '#rq-city', 'La Roche-sur-Yon');
    typeInto(form, '#rq-modality', 'ct');
    typeInto(form, '#rq-anatomicalRegion', 'Abdomen');
    typeInto(form, '#rq-diagnosis', 'renal-colic');
    typeInto(form, '#rq-clinicalElements', 'Douleur lombaire');
  }

  const gate = () => form.querySelector('.gate') as HTMLElement;
  const ctrlEnter = () => form.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));

  it('starts with the usual answers and the focus in the doctor’s name, listing what is missing', async () => {
    await render();
    expect(document.activeElement?.id).toBe('rq-doctorName');
    expect((form.querySelector('[name="ambulatory"]:checked') as HTMLInputElement).value).toBe('yes');
    expect((form.querySelector('[name="pregnant"]:checked') as HTMLInputElement).value).toBe('no');
    expect((form.querySelector('#rq-channel') as HTMLSelectElement).value).toBe('phone');
    expect(gate().querySelector('h2')?.textContent).toBe('Incomplète');
    expect(gate().textContent).toContain('Nom du médecin demandeur');
  });

  it('takes the user to a missing field from the gate’s list', async () => {
    await render();
    (
      Array.from(gate().querySelectorAll('button')).find(
        (b) => b.textContent?.trim() === 'Date de naissance',
      ) as HTMLButtonElement
    ).click();
    expect(document.activeElement?.id).toBe('rq-birthDate');
  });

  it('says a request is bookable once complete, and saves it with Ctrl+Entrée', async () => {
    await render();
    fillComplete();
    await settle(fixture);
    expect(gate().querySelector('h2')?.textContent).toBe('Réservable');
    ctrlEnter();
    const request = http.expectOne('/api/requests');
    expect(request.request.method).toBe('POST');
    expect(request.request.body.form.patient.birthDate).toBe('1958-06-14');
    expect(request.request.body.form.channel).toBe('phone');
    expect(request.request.body.confirmations).toEqual([]);
    request.flush({ id: 'r1' });
    await settle(fixture);
    expect(saved).toEqual([{ id: 'r1' }]);
  });

  it('asks to confirm a pregnancy that is not excluded before an X-ray, and sends the confirmation', async () => {
    await render();
    fillComplete();
    typeInto(form, '#rq-modality', 'radiography');
    typeInto(form, '#rq-diagnosis', 'recent-trauma');
    clickOn(form, '[name="pregnant"][value="unknown"]');
    await settle(fixture);
    expect(gate().querySelector('h2')?.textContent).toBe('Confirmation requise');
    clickOn(form, '.safety input[type="checkbox"]');
    await settle(fixture);
    expect(gate().querySelector('h2')?.textContent).toBe('Réservable');
    ctrlEnter();
    expect(http.expectOne('/api/requests').request.body.confirmations).toEqual(['pregnancy-ionising-exam']);
  });

  it('marks a diagnosis outside the protocol of the exam', async () => {
    await render();
    fillComplete();
    typeInto(form, '#rq-diagnosis', 'pneumonia');
    await settle(fixture);
    expect(gate().textContent).toContain('une dérogation de la coordination est nécessaire');
  });

  it('shows an invalid value once the field is left, and refuses to send it', async () => {
    await render();
    typeInto(form, '#rq-doctorRpps', '123');
    await settle(fixture);
    expect(form.querySelector('#rq-doctorRpps-error')?.textContent).toBe('');
    form.querySelector('#rq-doctorRpps')?.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    await settle(fixture);
    expect(form.querySelector('#rq-doctorRpps-error')?.textContent).toBe('Le numéro RPPS comporte 11 chiffres.');
    ctrlEnter();
    await settle(fixture);
    expect(form.querySelector('[role="alert"]')?.textContent).toContain('Corrigez les champs signalés');
  });

  it('shows the server’s field errors next to their fields', async () => {
    await render();
    fillComplete();
    ctrlEnter();
    http.expectOne('/api/requests').flush(
      {
        message: 'Bon de demande invalide : voir les champs en erreur.',
        fields: { 'form.patient.birthDate': ['Trop ancienne.'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(form.querySelector('#rq-birthDate-error')?.textContent).toBe('Trop ancienne.');
    expect(document.activeElement?.id).toBe('rq-birthDate');
  });

  it('saves an incomplete request too', async () => {
    await render();
    typeInto(form, '#rq-doctorName', 'Dr Paul Renard');
    ctrlEnter();
    expect(http.expectOne('/api/requests').request.body.form.doctor.name).toBe('Dr Paul Renard');
  });

  it('asks the reason of a change to a saved request', async () => {
    const existing = {
      id: 'r9',
      status: 'to-book',
      form: { doctor: { name: 'Dr Claire Martin' }, requestDate: '2026-11-23', channel: 'phone' },
      confirmations: [],
      override: null,
    } as unknown as RequestView;
    await render('secretariat', existing);
    expect((form.querySelector('#rq-doctorName') as HTMLInputElement).value).toBe('Dr Claire Martin');
    ctrlEnter();
    await settle(fixture);
    expect(form.querySelector('#rq-reason-error')?.textContent).toContain('Indiquez le motif');
    typeInto(form, '#rq-reason', 'Erreur de saisie');
    ctrlEnter();
    const request = http.expectOne('/api/requests/r9');
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body.reason).toBe('Erreur de saisie');
  });

  it('lets a doctor submit online: their own RPPS, the web channel', async () => {
    await render('doctor');
    expect(form.querySelector('#rq-doctorRpps')).toBeNull();
    expect(form.querySelector('#rq-channel')).toBeNull();
    expect((form.querySelector('#rq-doctorName') as HTMLInputElement).value).toBe('Dr Jeanne Martin');
    fillComplete();
    await settle(fixture);
    expect(gate().querySelector('h2')?.textContent).toBe('Réservable');
    ctrlEnter();
    const body = http.expectOne('/api/requests').request.body;
    expect(body.form.doctor.rpps).toBe('10001234567');
    expect(body.form.channel).toBe('web');
  });
});
