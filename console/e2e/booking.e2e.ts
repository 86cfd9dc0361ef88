import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, ApiSession } from './support/api';
import { baseUrl, launchBrowser, newPage, signIn, waitForPath } from './support/browser';
import { DEMO_PASSWORD, WORKSPACE_ROOT } from './support/built-server';
import { CountedInput } from './support/keystrokes';
import { bookThroughApi, completeCtRequest } from './support/requests';
import { consoleDayTime, publishSlot, SeededSlot } from './support/slots';

const HOSPITAL = 'Hôpital de La Roche-sur-Yon — imagerie';
const SECOND_SECRETARY = 'e2e.secretaire2@creneau.test';
const SCREENSHOTS = join(WORKSPACE_ROOT, 'docs/screenshots');

/**
 * The phone call, end to end: a secretary types a request from an empty form, finds the slot the hospital
 * published, holds and books it, while a second secretary watching the same slot sees it taken then gone; the
 * centre confirms it; an incomplete request cannot be booked; a refused appointment comes back to the queue.
 */
describe('booking a slot on the phone', () => {
  let browser: Browser;
  let hospital: ApiSession;
  let slot: SeededSlot;
  let spareSlot: SeededSlot;
  let first: { context: BrowserContext; page: Page };
  let second: { context: BrowserContext; page: Page };

  beforeAll(async () => {
    hospital = await apiAs('imagerie.hopital@creneau.test');
    slot = await publishSlot(hospital, HOSPITAL, 'ct', 200);
    spareSlot = await publishSlot(hospital, HOSPITAL, 'ct', 260);
    const coordination = await apiAs('coordination@creneau.test');
    await coordination.post('/api/accounts', {
      email: SECOND_SECRETARY,
      displayName: 'Seconde Secrétaire',
      role: 'secretariat',
      password: DEMO_PASSWORD,
    });
    await coordination.dispose();

    browser = await launchBrowser();
    first = await newPage(browser);
    second = await newPage(browser);
    await signIn(first.page, 'secretariat@creneau.test');
    await waitForPath(first.page, '/secretariat');
    await signIn(second.page, SECOND_SECRETARY);
    await waitForPath(second.page, '/secretariat');
  });
  afterAll(async () => {
    await hospital.dispose();
    await browser.close();
  });

  const holdButton = (page: Page, of: SeededSlot) =>
    page.getByRole('button', { name: `Retenir ${consoleDayTime(of.start)}, ${HOSPITAL}` });

  it('types a complete request, holds the slot and books it, while another secretary sees it taken then gone', async () => {
    const { page } = first;
    // The second secretary has another CT request open on the same slot.
    const other = await apiAs(SECOND_SECRETARY);
    const watched = await other.post<{ id: string }>('/api/requests', completeCtRequest('BLANC', 'Sophie'));
    await other.dispose();
    await second.page.goto(`${baseUrl()}/secretariat/demandes/${watched.id}`);
    await holdButton(second.page, slot).waitFor();

    // From the queue, Alt+N opens an empty form with the focus in its first field.
    await page.keyboard.press('Alt+n');
    await waitForPath(page, '/secretariat/demandes/nouvelle');
    await page.locator('#rq-doctorName:focus').waitFor();

    const input = new CountedInput(page);
    await input.field('Dr Claire Martin');
    await input.field('10101234567');
    await input.field('0251123456');
    await input.field('Durand');
    await input.field('Paul');
    await input.field('14061958');
    await input.field('0612345678');
    await input.field('12 rue Clemenceau');
    await input.field('85000');
    await input.field('La Roche-sur-Yon');
    // E-mail left empty; ambulatory, not pregnant, no pacemaker: the defaults.
    await input.press('Tab', 4);
    await input.field('s'); // Scanner
    await input.field('Abdomen');
    await input.press('Tab'); // no injection: the default
    await input.field('col'); // Colique néphrétique, the first retained indication of CT
    await input.type('Douleur lombaire droite brutale');
    expect(await page.locator('.gate h2').textContent()).toBe('Réservable');
    await input.press('Control+Enter');

    await page.getByRole('heading', { name: 'Créneaux disponibles' }).waitFor();
    expect(await page.locator('h1').innerText()).toContain('DURAND Paul');
    await page.screenshot({ path: join(SCREENSHOTS, 'secretariat-finder.png') });
    await input.click(holdButton(page, slot));
    await page.getByText(/Retenu pour vous encore \d min/).waitFor();

    // Held here: the other secretary's attempt is refused and the slot greys out there.
    await holdButton(second.page, slot).click();
    await second.page
      .getByRole('alert')
      .getByText(/Créneau pris/)
      .waitFor();
    expect(await holdButton(second.page, slot).count()).toBe(0);

    // The focus is on « Réserver ce créneau »: Enter books it.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Réserver ce créneau');
    await input.press('Enter');
    const summary = page.locator('.summary');
    await summary.getByRole('heading', { name: 'Rendez-vous réservé — à relire au médecin' }).waitFor();
    const text = await summary.innerText();
    expect(text).toContain(HOSPITAL);
    expect(text).toContain('Boulevard Stéphane Moreau, 85000 La Roche-sur-Yon');
    expect(text).toContain('+33 2 51 00 10 00');
    const when = new Intl.DateTimeFormat('fr-FR', {
      timeZone: 'Europe/Paris',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(slot.start));
    expect(text).toContain(when);
    expect(text).toContain('Apporter l’ordonnance');

    // Booked: the slot leaves the other secretary's list without a reload (polling every few seconds).
    await second.page
      .locator('tbody tr', { hasText: consoleDayTime(slot.start) })
      .filter({ hasText: HOSPITAL })
      .waitFor({ state: 'detached' });

    console.log(
      `From an empty form to a booked slot: ${input.characters} characters typed, ${input.keys} other keys, ${input.clicks} click(s) — ${input.total} actions.`,
    );
    expect(input.clicks).toBe(1);
  });

  it('lets the centre confirm it', async () => {
    const centre = await newPage(browser);
    try {
      await signIn(centre.page, 'imagerie.hopital@creneau.test');
      await waitForPath(centre.page, '/centre');
      const confirm = centre.page.getByRole('button', { name: 'Confirmer le rendez-vous de DURAND Paul' }).first();
      await confirm.click();
      await confirm.waitFor({ state: 'detached' });
      const requests = await hospital.get<{ patientName: string; status: string }[]>('/api/requests?q=DURAND');
      expect(requests.find((r) => r.patientName === 'DURAND Paul')?.status).toBe('confirmed');
    } finally {
      await centre.context.close();
    }
  });

  it('keeps an incomplete request out of booking, with what is missing and the GP to call back', async () => {
    const { page } = first;
    await page.getByRole('navigation').getByRole('link', { name: 'Nouvelle demande' }).click();
    await page.locator('#rq-doctorName:focus').waitFor();
    await page.keyboard.type('Dr Paul Renard');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('02 51 99 99 99');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Petit');
    expect(await page.locator('.gate h2').textContent()).toBe('Incomplète');
    await page.keyboard.press('Control+Enter');

    const notice = page.getByText('Demande incomplète : elle ne peut pas être programmée.');
    await notice.waitFor();
    const missing = await page.locator('.notice').innerText();
    expect(missing).toContain('Numéro RPPS du médecin');
    expect(missing).toContain('Éléments cliniques');
    expect(await page.locator('.callback').innerText()).toContain('rappel au 02 51 99 99 99');
    expect(await page.getByRole('heading', { name: 'Créneaux disponibles' }).count()).toBe(0);
  });

  it('brings a refused appointment back to the queue with its reason', async () => {
    const secretary = await apiAs('secretariat@creneau.test');
    await bookThroughApi(secretary, 'REFUS', spareSlot.id);
    await secretary.dispose();

    const centre = await newPage(browser);
    try {
      await signIn(centre.page, 'imagerie.hopital@creneau.test');
      await waitForPath(centre.page, '/centre');
      await centre.page.getByRole('button', { name: 'Refuser le rendez-vous de REFUS Test' }).first().click();
      await centre.page.getByLabel('Motif du refus').fill('Scanner en panne');
      await centre.page.getByRole('button', { name: 'Confirmer le refus' }).click();
      await centre.page.getByRole('button', { name: 'Refuser le rendez-vous de REFUS Test' }).waitFor({ state: 'detached' });
    } finally {
      await centre.context.close();
    }

    const { page } = first;
    await page.getByRole('navigation').getByRole('link', { name: 'File des demandes' }).click();
    await waitForPath(page, '/secretariat');
    await page.getByRole('button', { name: 'Refusées par un centre' }).click();
    const line = page.locator('tbody tr', { hasText: 'REFUS Test' });
    await line.waitFor();
    expect(await line.innerText()).toContain('Motif : Scanner en panne');
    expect(await line.innerText()).toContain('Refusée — à reprogrammer');
  });
});
