import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, ApiSession, createSecretary } from './support/api';
import { baseUrl, launchBrowser, newPage, signIn, waitForPath } from './support/browser';
import { completeCtRequest } from './support/requests';
import { consoleDayTime, consoleLongDate, publishSlot, SeededSlot } from './support/slots';

const HOSPITAL = 'Hôpital de La Roche-sur-Yon — imagerie';
const OTHER_SECRETARY = 'e2e.secretaire3@creneau.test';
const REASON = 'La patiente ne peut pas venir le matin';

interface RequestRead {
  status: string;
  appointment: { id: string; slotId: string; status: string } | null;
}

/**
 * Moving an appointment on the phone, end to end: a secretary books a request on its page, then moves the appointment
 * to another slot with a reason, while a slot another secretary holds meanwhile greys out live in her list; she reads
 * the new slot back, and the request's history says it moved, and why.
 */
describe('moving an appointment', () => {
  let browser: Browser;
  let hospital: ApiSession;
  let secretary: ApiSession;
  let first: SeededSlot;
  let second: SeededSlot;
  let heldElsewhere: SeededSlot;
  let requestId: string;
  let session: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    hospital = await apiAs('imagerie.hopital@creneau.test');
    secretary = await apiAs('secretariat@creneau.test');
    // Minutes no other e2e file publishes at, so that each file's slots stay its own.
    first = await publishSlot(hospital, HOSPITAL, 'ct', 440);
    second = await publishSlot(hospital, HOSPITAL, 'ct', 500);
    heldElsewhere = await publishSlot(hospital, HOSPITAL, 'ct', 560);
    ({ id: requestId } = await secretary.post<{ id: string }>('/api/requests', completeCtRequest('DEPLACE', 'Test')));
    await createSecretary(OTHER_SECRETARY, 'Troisième Secrétaire');

    browser = await launchBrowser();
    session = await newPage(browser);
    await signIn(session.page, 'secretariat@creneau.test');
    await waitForPath(session.page, '/secretariat');
  });
  afterAll(async () => {
    await hospital.dispose();
    await secretary.dispose();
    await browser.close();
  });

  const slotButton = (page: Page, action: 'Retenir' | 'Choisir', of: SeededSlot) =>
    page.getByRole('button', { name: `${action} ${consoleDayTime(of.start)}, ${HOSPITAL}` });
  const slotRow = (page: Page, of: SeededSlot) =>
    page.locator('cr-reschedule-finder tbody tr', { hasText: consoleDayTime(of.start) }).filter({ hasText: HOSPITAL });

  it('books, then moves the appointment with a reason: the new slot is read back and the history says why', async () => {
    const { page } = session;
    await page.goto(`${baseUrl()}/secretariat/demandes/${requestId}`);

    // Booked on the phone, from the slot finder.
    await slotButton(page, 'Retenir', first).click();
    await page.getByRole('button', { name: 'Réserver ce créneau' }).click();
    const summary = page.locator('.summary');
    await summary.getByRole('heading', { name: 'Rendez-vous réservé — à relire au médecin' }).waitFor();
    expect(await summary.locator('.when').innerText()).toBe(consoleLongDate(first.start));

    // Move it: the other slots that fit, but not its own.
    await page.getByRole('button', { name: 'Déplacer le rendez-vous' }).click();
    const finder = page.locator('cr-reschedule-finder');
    await finder.getByRole('heading', { name: 'Déplacer le rendez-vous' }).waitFor();
    await slotButton(page, 'Choisir', second).waitFor();
    await slotButton(page, 'Choisir', heldElsewhere).waitFor();
    expect(await slotButton(page, 'Choisir', first).count()).toBe(0);
    expect(await finder.locator('.hint').innerText()).toContain(`Actuellement : ${consoleDayTime(first.start)}`);

    // Another secretary holds a slot meanwhile: it greys out here at once, from the live event.
    const other = await apiAs(OTHER_SECRETARY);
    try {
      const { id: otherRequest } = await other.post<{ id: string }>('/api/requests', completeCtRequest('AUTRE', 'Test'));
      await other.post(`/api/slots/${heldElsewhere.id}/hold`, { requestId: otherRequest });
      await slotRow(page, heldElsewhere).getByText('Retenu par un autre secrétariat').waitFor({ timeout: 5_000 });
      expect(await slotRow(page, heldElsewhere).evaluate((row) => row.classList.contains('taken'))).toBe(true);
      expect(await slotButton(page, 'Choisir', heldElsewhere).count()).toBe(0);
    } finally {
      await other.dispose();
    }

    // Chosen and held: the focus is on the move button, with room for the reason.
    await slotButton(page, 'Choisir', second).click();
    await finder.getByText('Nouveau créneau retenu').waitFor();
    expect(await finder.locator('.hold strong').innerText()).toBe(consoleLongDate(second.start));
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Déplacer le rendez-vous ici');
    // Her own hold never greys out in her list.
    expect(await slotRow(page, second).evaluate((row) => row.classList.contains('taken'))).toBe(false);
    await page.getByLabel('Motif du déplacement (facultatif)').fill(REASON);
    await page.getByRole('button', { name: 'Déplacer le rendez-vous ici' }).click();

    // The new slot, to read back to the GP.
    await page
      .getByRole('status')
      .filter({ hasText: 'Rendez-vous déplacé : l’ancien créneau est rendu. Relisez le nouveau rendez-vous au médecin.' })
      .waitFor();
    await summary.locator('.when', { hasText: consoleLongDate(second.start) }).waitFor();
    await finder.waitFor({ state: 'detached' });
    expect(await summary.innerText()).toContain(HOSPITAL);

    // The history says who moved it, and why.
    const moved = page.locator('cr-request-history tbody tr', { hasText: 'Rendez-vous déplacé' });
    await moved.waitFor();
    expect(await moved.innerText()).toContain(REASON);
    expect(await page.locator('cr-request-history tbody tr', { hasText: 'Rendez-vous réservé' }).count()).toBe(1);

    // As the API tells it: booked on the second slot, and the first one free again for anyone.
    const request = await secretary.get<RequestRead>(`/api/requests/${requestId}`);
    expect(request.status).toBe('booked');
    expect(request.appointment).toEqual(expect.objectContaining({ slotId: second.id, status: 'booked' }));
    const history = await secretary.get<{ action: string; reason: string | null }[]>(`/api/requests/${requestId}/history`);
    expect(history.filter((event) => event.action === 'reschedule')).toEqual([expect.objectContaining({ reason: REASON })]);
    const search = await secretary.get<{ slots: { slotId: string }[] }>(
      `/api/slots/search?modality=ct&ambulatory=true&pacemaker=false`,
    );
    expect(search.slots.map((slot) => slot.slotId)).toContain(first.id);
    expect(search.slots.map((slot) => slot.slotId)).not.toContain(second.id);
  });
});
