import { join } from 'node:path';
import { request as httpRequest, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { apiAs, ApiSession } from './support/api';
import { baseUrl, launchBrowser, newPage, signIn, waitForPath } from './support/browser';
import { WORKSPACE_ROOT } from './support/built-server';
import { bookThroughApi } from './support/requests';
import { publishSlot, SeededSlot } from './support/slots';

const HOSPITAL = 'Hôpital de La Roche-sur-Yon — imagerie';
const SCREENSHOTS = join(WORKSPACE_ROOT, 'docs/screenshots');

/**
 * After the booking: a secretary opens a booked request from the queue, reads its history, writes in its thread
 * and cancels the appointment with a reason, and the request is back in the queue to be booked; the centre makes
 * an iCal feed, copies its address and a calendar client reads it; the radiologist opens a booked request from the
 * agenda and answers in its thread; the coordination sees the messages that could not leave, with the doctor's phone.
 */
describe('following up a booked request', () => {
  let browser: Browser;
  let hospital: ApiSession;
  let secretary: ApiSession;
  let slot: SeededSlot;
  let booked: { requestId: string; appointmentId: string };

  beforeAll(async () => {
    hospital = await apiAs('imagerie.hopital@creneau.test');
    secretary = await apiAs('secretariat@creneau.test');
    // Minutes no other e2e file publishes at, so that each file's slots stay its own.
    slot = await publishSlot(hospital, HOSPITAL, 'ct', 320);
    booked = await bookThroughApi(secretary, 'SUIVI', slot.id);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await hospital.dispose();
    await secretary.dispose();
    await browser.close();
  });

  async function withPage(email: string, path: string, run: (page: Page, context: BrowserContext) => Promise<void>) {
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, email);
      await waitForPath(page, path);
      await run(page, context);
    } finally {
      await context.close();
    }
  }

  it('reads the history, writes in the thread and cancels with a reason: the request is back in the queue', async () => {
    await withPage('secretariat@creneau.test', '/secretariat', async (page) => {
      await page.locator('#queue-search').fill('SUIVI');
      const line = page.locator('table.queue tbody tr', { hasText: 'SUIVI Test' });
      await line.getByRole('link', { name: 'SUIVI Test' }).click();
      await waitForPath(page, `/secretariat/demandes/${booked.requestId}`);
      await page.getByRole('heading', { name: 'Rendez-vous réservé — à relire au médecin' }).waitFor();

      // The history: who recorded and who booked, when.
      const history = page.locator('cr-request-history tbody');
      await history.locator('tr', { hasText: 'Rendez-vous réservé' }).waitFor();
      expect(await history.locator('tr').first().innerText()).toContain('Demande enregistrée');

      // The thread, from the keyboard: Ctrl+Entrée sends.
      await page.getByLabel('Nouveau commentaire').focus();
      await page.keyboard.type('Le médecin demande un créneau plus tôt si possible.');
      await page.keyboard.press('Control+Enter');
      await page
        .locator('cr-request-comments .thread li', { hasText: 'Le médecin demande un créneau plus tôt si possible.' })
        .waitFor();
      expect(await page.locator('cr-request-comments .thread li').first().innerText()).toContain('(Télésecrétariat)');

      await page.screenshot({ path: join(SCREENSHOTS, 'secretariat-follow-up.png'), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

      // Cancel: the reason field takes the focus; Entrée confirms.
      await page.getByRole('button', { name: 'Annuler le rendez-vous' }).focus();
      await page.keyboard.press('Enter');
      await page.locator('#cancel-reason:focus').waitFor();
      await page.keyboard.type('Le patient est hospitalisé');
      await page.keyboard.press('Enter');
      await page.getByRole('status').filter({ hasText: 'Rendez-vous annulé : le créneau est rendu.' }).waitFor();
      // Bookable again, from the slot finder on the same page; the history says who cancelled and why.
      await page.getByRole('heading', { name: 'Créneaux disponibles' }).waitFor();
      const cancelled = history.locator('tr', { hasText: 'Rendez-vous annulé' });
      await cancelled.waitFor();
      expect(await cancelled.innerText()).toContain('Le patient est hospitalisé');
      expect(await cancelled.innerText()).toContain('À programmer');

      await page.getByRole('link', { name: '← File des demandes' }).click();
      await waitForPath(page, '/secretariat');
      await page.locator('#queue-search').fill('SUIVI');
      const back = page.locator('table.queue tbody tr', { hasText: 'SUIVI Test' });
      await back.filter({ hasText: 'À programmer' }).waitFor();
    });

    const request = await secretary.get<{ status: string; appointment: { status: string } | null }>(
      `/api/requests/${booked.requestId}`,
    );
    expect(request.status).toBe('to-book');
    expect(request.appointment?.status).toBe('cancelled');
    const comments = await hospital.get<{ body: string; authorRole: string }[]>(`/api/requests/${booked.requestId}/comments`);
    expect(comments).toEqual([
      expect.objectContaining({ body: 'Le médecin demande un créneau plus tôt si possible.', authorRole: 'secretariat' }),
    ]);
  });

  it('lets the centre copy its feed address, which a calendar client then reads as iCal', async () => {
    await withPage('imagerie.hopital@creneau.test', '/centre', async (page, context) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
      await page.getByRole('navigation').getByRole('link', { name: 'Calendriers et imports' }).click();
      await waitForPath(page, '/centre/calendriers');
      await page.getByText('Aucune source d’import').waitFor();

      await page.getByLabel(/Nom du flux/).fill('Outlook du secrétariat');
      await page.keyboard.press('Enter');
      const address = page.locator('#feed-address');
      await address.waitFor();
      await page.getByRole('button', { name: 'Copier l’adresse' }).click();
      await page.getByText('Adresse copiée.').waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(await address.inputValue());
      expect(copied).toMatch(new RegExp(`^${baseUrl()}/api/calendars/feed\\.ics\\?token=[A-Za-z0-9_-]{43}$`));
      await page.locator('table.feeds tbody tr', { hasText: 'Outlook du secrétariat' }).waitFor();

      await page.screenshot({ path: join(SCREENSHOTS, 'centre-calendars.png'), fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);

      // A calendar application has no session: the address alone opens the feed.
      const client = await httpRequest.newContext();
      try {
        const feed = await client.get(copied);
        expect(feed.status()).toBe(200);
        expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
        const text = await feed.text();
        expect(text.startsWith('BEGIN:VCALENDAR')).toBe(true);
        expect(text).toContain('BEGIN:VEVENT');
      } finally {
        await client.dispose();
      }
    });
  });

  it('lets the radiologist open a booked request from the agenda and answer in its thread', async () => {
    const other = await publishSlot(hospital, HOSPITAL, 'ct', 380);
    const { requestId } = await bookThroughApi(secretary, 'AVIS', other.id);
    await withPage('imagerie.hopital@creneau.test', '/centre', async (page) => {
      const toConfirm = page.locator('.to-confirm .appointment', { hasText: 'AVIS Test' });
      await toConfirm.getByRole('link').click();
      await waitForPath(page, `/centre/demandes/${requestId}`);
      await page.getByRole('heading', { name: /AVIS Test/ }).waitFor();
      expect(await page.locator('.clinical').innerText()).toContain('Douleur lombaire brutale');
      await page.locator('cr-request-history tbody tr', { hasText: 'Rendez-vous réservé' }).waitFor();

      await page.getByLabel('Nouveau commentaire').fill('Scanner sans injection suffisant pour cette indication.');
      await page.getByRole('button', { name: 'Envoyer le commentaire' }).click();
      await page.locator('cr-request-comments .thread li', { hasText: '(Centre d’imagerie)' }).waitFor();
    });
    const comments = await secretary.get<{ body: string; authorRole: string }[]>(`/api/requests/${requestId}/comments`);
    expect(comments).toEqual([
      expect.objectContaining({ body: 'Scanner sans injection suffisant pour cette indication.', authorRole: 'centre' }),
    ]);
  });

  it('shows the coordination the messages that did not leave, with the doctor to phone instead', async () => {
    const { reference } = await secretary.get<{ reference: string }>(`/api/requests/${booked.requestId}`);
    await withPage('coordination@creneau.test', '/coordination', async (page) => {
      await page.getByRole('navigation').getByRole('link', { name: 'Messages non envoyés' }).click();
      await waitForPath(page, '/coordination/messages');
      // No mail server in this suite: the booking's and the cancellation's messages wait in the outbox.
      const lines = page.locator('table.messages tbody tr', { hasText: reference });
      await lines.first().waitFor();
      const texts = await lines.allInnerTexts();
      expect(texts.some((text) => text.includes('Rendez-vous réservé'))).toBe(true);
      expect(texts.some((text) => text.includes('Rendez-vous annulé'))).toBe(true);
      expect(texts[0]).toContain('Dr Jeanne Martin');
      expect(texts[0]).toContain('02 51 00 00 01');
      await page.screenshot({ path: join(SCREENSHOTS, 'coordination-messages.png') });
    });
  });
});
