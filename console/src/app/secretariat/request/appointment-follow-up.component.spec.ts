import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { AppointmentView, SlotSearchHit, SlotSearchResult } from '@creneau/contracts';
import { button, typeInto } from '../../../testing/dom';
import { bookableRequest, bookedAppointment } from '../../../testing/request-fixtures';
import { settle } from '../../../testing/settle';
import { inMs, slotHit } from '../../../testing/slot-fixtures';
import { TERRITORY } from '../../../testing/territory-fixtures';
import { AppointmentFollowUpComponent } from './appointment-follow-up.component';

const start = new Date(Date.now() + 5 * 3_600_000).toISOString();
const appointment = bookedAppointment(start, new Date(Date.parse(start) + 1_800_000).toISOString(), { slotId: 's-current' });

/** A slot found free, or (`placesLeft` 0) held in full by another secretariat for two minutes. */
const hit = (slotId: string, hoursAhead: number, placesLeft = 1) =>
  slotHit(slotId, hoursAhead, { placesLeft, heldUntil: placesLeft === 0 ? inMs(120_000) : null });

describe('AppointmentFollowUpComponent', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<AppointmentFollowUpComponent>;
  let page: HTMLElement;
  let changed: AppointmentView[];

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AppointmentFollowUpComponent);
    fixture.componentRef.setInput('request', bookableRequest({ status: 'booked', appointment }));
    fixture.componentRef.setInput('appointment', appointment);
    changed = [];
    fixture.componentInstance.changed.subscribe((a) => changed.push(a));
    page = fixture.nativeElement as HTMLElement;
    document.body.appendChild(page);
    await settle(fixture);
  });
  afterEach(() => {
    fixture.destroy();
    http.verify();
  });

  describe('cancel', () => {
    beforeEach(async () => {
      button(page, 'Annuler le rendez-vous').click();
      await settle(fixture);
    });

    it('asks for the reason first (focused), without asking the server', async () => {
      expect(document.activeElement?.id).toBe('cancel-reason');
      expect(page.textContent).toContain('La demande revient dans la file « À programmer »');
      typeInto(page, '#cancel-reason', 'x');
      button(page, 'Confirmer l’annulation').click();
      await settle(fixture);
      expect(page.querySelector('[role="alert"]')?.textContent).toBe(
        'Indiquez le motif de l’annulation (3 caractères au moins).',
      );
      expect(changed).toEqual([]);
    });

    it('cancels with the reason: the request goes back to the queue', async () => {
      typeInto(page, '#cancel-reason', ' Patient hospitalisé entre-temps ');
      button(page, 'Confirmer l’annulation').click();
      const sent = http.expectOne('/api/appointments/ap1/cancel');
      expect(sent.request.method).toBe('POST');
      expect(sent.request.body).toEqual({ reason: 'Patient hospitalisé entre-temps', closeRequest: false });
      sent.flush({ ...appointment, status: 'cancelled', reason: 'Patient hospitalisé entre-temps' });
      await settle(fixture);
      expect(changed.map((a) => a.status)).toEqual(['cancelled']);
    });

    it('closes the request when the patient no longer needs the exam', async () => {
      typeInto(page, '#cancel-reason', 'Douleur disparue');
      (page.querySelector('input[type="checkbox"]') as HTMLInputElement).click();
      await settle(fixture);
      expect(page.textContent).toContain('La demande sera close');
      button(page, 'Confirmer l’annulation').click();
      const sent = http.expectOne('/api/appointments/ap1/cancel');
      expect(sent.request.body).toEqual({ reason: 'Douleur disparue', closeRequest: true });
      sent.flush({ message: 'Ce rendez-vous n’est plus actif.' }, { status: 409, statusText: 'Conflict' });
      await settle(fixture);
      expect(page.querySelector('[role="alert"]')?.textContent).toBe('Ce rendez-vous n’est plus actif.');
      expect(changed).toEqual([]);
    });

    it('goes back with Échap, the focus on the actions', async () => {
      page.querySelector('form')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await settle(fixture);
      expect(page.querySelector('#cancel-reason')).toBeNull();
      expect(document.activeElement?.textContent?.trim()).toBe('Déplacer le rendez-vous');
    });
  });

  describe('reschedule', () => {
    beforeEach(async () => {
      button(page, 'Déplacer le rendez-vous').click();
      await settle(fixture);
      http.expectOne('/api/territories').flush([TERRITORY]);
      await settle(fixture);
    });

    function answerSearch(hits: SlotSearchHit[]): void {
      const window = { from: new Date().toISOString(), to: new Date(Date.now() + 72 * 3_600_000).toISOString() };
      http
        .expectOne((r) => r.url === '/api/slots/search')
        .flush({ window, origin: null, slots: hits, firstAfterWindow: [] } satisfies SlotSearchResult);
    }

    it('offers the other slots that fit, holds the one chosen, then moves the appointment there', async () => {
      answerSearch([hit('s-current', 5), hit('s2', 8), hit('s3', 9, 0)]);
      await settle(fixture);
      const rows = Array.from(page.querySelectorAll('tbody tr'));
      expect(rows).toHaveLength(2);
      expect(rows[1].textContent).toContain('Retenu par un autre secrétariat');
      expect(document.activeElement?.textContent?.trim()).toBe('Choisir');

      (rows[0].querySelector('button') as HTMLButtonElement).click();
      const hold = http.expectOne('/api/slots/s2/hold');
      expect(hold.request.body).toEqual({ requestId: 'r1' });
      hold.flush({ slotId: 's2', expiresAt: new Date(Date.now() + 180_000).toISOString() });
      await settle(fixture);
      expect(document.activeElement?.textContent?.trim()).toBe('Déplacer le rendez-vous ici');

      const reason = page.querySelector('label.reason input') as HTMLInputElement;
      reason.value = '  la patiente ne peut pas venir le matin ';
      reason.dispatchEvent(new Event('input'));
      button(page, 'Déplacer le rendez-vous ici').click();
      const move = http.expectOne('/api/appointments/ap1/reschedule');
      expect(move.request.body).toEqual({ slotId: 's2', reason: 'la patiente ne peut pas venir le matin' });
      move.flush({ ...appointment, id: 'ap2', slotId: 's2' });
      await settle(fixture);
      expect(changed.map((a) => a.id)).toEqual(['ap2']);
      expect(page.querySelector('cr-reschedule-finder')).toBeNull();
      expect(document.activeElement?.textContent?.trim()).toBe('Déplacer le rendez-vous');
    });

    it('asks for a longer reason rather than moving with one of a character or two', async () => {
      answerSearch([hit('s2', 8)]);
      await settle(fixture);
      (page.querySelector('tbody button') as HTMLButtonElement).click();
      http.expectOne('/api/slots/s2/hold').flush({ slotId: 's2', expiresAt: new Date(Date.now() + 180_000).toISOString() });
      await settle(fixture);
      const reason = page.querySelector('label.reason input') as HTMLInputElement;
      reason.value = 'ok';
      reason.dispatchEvent(new Event('input'));
      button(page, 'Déplacer le rendez-vous ici').click();
      await settle(fixture);
      http.expectNone('/api/appointments/ap1/reschedule');
      expect(page.querySelector('[role="alert"]')?.textContent).toContain('Motif trop court');
      button(page, 'Relâcher').click();
      http.expectOne('/api/slots/s2/hold').flush(null, { status: 204, statusText: 'No Content' });
    });

    it('says when the slot was taken meanwhile, and searches again', async () => {
      answerSearch([hit('s2', 8)]);
      await settle(fixture);
      (page.querySelector('tbody button') as HTMLButtonElement).click();
      http
        .expectOne('/api/slots/s2/hold')
        .flush({ message: 'Ce créneau vient d’être réservé.' }, { status: 409, statusText: 'Conflict' });
      await settle(fixture);
      expect(page.querySelector('[role="alert"]')?.textContent).toContain('Créneau pris : Ce créneau vient d’être réservé.');
      answerSearch([]);
      await settle(fixture);
      expect(page.textContent).toContain('Aucun autre créneau libre ne convient');
    });

    it('gives the held slot back when the secretary does not move after all', async () => {
      answerSearch([hit('s2', 8)]);
      await settle(fixture);
      (page.querySelector('tbody button') as HTMLButtonElement).click();
      http.expectOne('/api/slots/s2/hold').flush({ slotId: 's2', expiresAt: new Date(Date.now() + 180_000).toISOString() });
      await settle(fixture);
      button(page, 'Ne pas déplacer').click();
      await settle(fixture);
      const release = http.expectOne('/api/slots/s2/hold');
      expect(release.request.method).toBe('DELETE');
      release.flush(null, { status: 204, statusText: 'No Content' });
      expect(page.querySelector('cr-reschedule-finder')).toBeNull();
    });
  });
});
