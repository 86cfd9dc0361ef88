import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { SlotRuleView } from '@creneau/contracts';
import { button, typeInto } from '../../../testing/dom';
import { settle } from '../../../testing/settle';
import { HOSPITAL } from '../../../testing/territory-fixtures';
import { RuleFormComponent } from './rule-form.component';

describe('RuleFormComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<RuleFormComponent>;
  let form: HTMLElement;

  async function render(rule: SlotRuleView | null = null) {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RuleFormComponent);
    fixture.componentRef.setInput('centre', HOSPITAL);
    fixture.componentRef.setInput('timeZone', 'Europe/Paris');
    fixture.componentRef.setInput('rule', rule);
    form = fixture.nativeElement as HTMLElement;
    await settle(fixture);
  }
  afterEach(() => http.verify());

  const day = (label: string) =>
    Array.from(form.querySelectorAll('label.check'))
      .find((l) => l.textContent?.trim() === label)
      ?.querySelector('input') as HTMLInputElement;

  it('previews the slots a weekly rule would publish before creating it', async () => {
    await render();
    day('Mardi').click();
    day('Jeudi').click();
    typeInto(form, '#rule-start', '14:00');
    button(form, 'Aperçu des créneaux').click();
    const preview = http.expectOne(`/api/centres/${HOSPITAL.id}/slot-rules/preview`);
    expect(preview.request.body).toMatchObject({ rrule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR', startLocal: '14:00', durationMinutes: 20 });
    preview.flush([{ start: '2026-11-25T13:00:00.000Z', end: '2026-11-25T13:20:00.000Z' }]);
    await settle(fixture);
    expect(form.querySelector('.preview h3')?.textContent).toBe('1 créneau(x) sur les 21 prochains jours');

    form.querySelector('form')?.dispatchEvent(new Event('submit'));
    const create = http.expectOne('/api/slot-rules');
    expect(create.request.body).toMatchObject({ centreId: HOSPITAL.id, modality: 'radiography', capacity: 1 });
  });

  it('edits a rule only with a reason', async () => {
    await render({
      id: 'rule1',
      centreId: HOSPITAL.id,
      modality: 'ct',
      rrule: 'FREQ=DAILY',
      startLocal: '11:00',
      durationMinutes: 30,
      capacity: 1,
      validFrom: '2026-11-23',
      validUntil: null,
      exceptions: [],
      indications: null,
      releaseCutoffMinutes: 120,
      stopped: false,
      version: 1,
    });
    expect(day('Dimanche').checked).toBe(true);
    form.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(form.querySelector('[role="alert"]')?.textContent).toContain('Indiquez le motif du changement');
    typeInto(form, '#rule-reason', 'Nouvel horaire');
    typeInto(form, '#rule-start', '10:30');
    form.querySelector('form')?.dispatchEvent(new Event('submit'));
    const update = http.expectOne('/api/slot-rules/rule1');
    expect(update.request.method).toBe('PATCH');
    expect(update.request.body).toMatchObject({ rrule: 'FREQ=DAILY', startLocal: '10:30', reason: 'Nouvel horaire' });
  });
});
