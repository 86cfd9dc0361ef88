import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { apiAs, ApiSession, createSecretary } from './support/api';
import { baseUrl, launchBrowser, newPage, signIn, waitForPath } from './support/browser';
import { WORKSPACE_ROOT } from './support/built-server';
import { CountedInput } from './support/keystrokes';
import { LiveCut, LiveTraffic } from './support/live';
import { bookThroughApi, completeCtRequest } from './support/requests';
import { consoleDayTime, consoleLongDate, publishSlot, SeededSlot } from './support/slots';

const HOSPITAL = 'Hôpital de La Roche-sur-Yon — imagerie';
const SECOND_SECRETARY = 'e2e.secretaire2@creneau.test';
const SCREENSHOTS = join(WORKSPACE_ROOT, 'docs/screenshots');

/**
 * The phone call, end to end: a secretary types a request from an empty form, finds the slot the hospital
 * published, holds and books it, while a second secretary watching the same slot sees it taken then gone (live
 * events, no polling); the centre confirms it; a lost connection is shown and recovers by itself; an incomplete
 * request cannot be booked; a refused appointment comes back to the queue.
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
    await createSecretary(SECOND_SECRETARY, 'Seconde Secrétaire');

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
  const slotRow = (page: Page, of: SeededSlot) =>
    page.locator('tbody tr', { hasText: consoleDayTime(of.start) }).filter({ hasText: HOSPITAL });

  it('types a complete request, holds the slot and books it, while another secretary sees it taken then gone', async () => {
    const { page } = first;
    // The second secretary has another CT request open on the same slot.
    const other = await apiAs(SECOND_SECRETARY);
    const watched = await other.post<{ id: string }>('/api/requests', completeCtRequest('BLANC', 'Sophie'));
    await other.dispose();
    const traffic = new LiveTraffic(second.page);
    await second.page.goto(`${baseUrl()}/secretariat/demandes/${watched.id}`);
    await holdButton(second.page, slot).waitFor();
    await until(() => traffic.sockets === 1, 'the second console’s live connection');

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
    // From now on the second console's searches get no answer until released: what changes there comes from the event.
    const searches = await holdSearches(second.page);
    await input.click(holdButton(page, slot));
    await page.getByText(/Retenu pour vous encore \d min/).waitFor();

    // Held here: the slot greys out there at once, from the live event itself, no search having answered.
    await traffic.waitForEvent('slot.held', slot.id);
    await slotRow(second.page, slot).getByText('Pris', { exact: true }).waitFor({ timeout: 5_000 });
    expect(await holdButton(second.page, slot).count()).toBe(0);
    expect(searches.answered).toBe(0);
    // Not here: the secretary's own hold keeps her selection.
    expect(await slotRow(page, slot).evaluate((row) => row.classList.contains('taken'))).toBe(false);
    expect(await holdButton(page, slot).isDisabled()).toBe(true);
    await searches.release();

    // The focus is on « Réserver ce créneau »: Enter books it.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Réserver ce créneau');
    await input.press('Enter');
    const summary = page.locator('.summary');
    await summary.getByRole('heading', { name: 'Rendez-vous réservé — à relire au médecin' }).waitFor();
    const text = await summary.innerText();
    expect(text).toContain(HOSPITAL);
    expect(text).toContain('Boulevard Stéphane Moreau, 85000 La Roche-sur-Yon');
    expect(text).toContain('+33 2 51 00 10 00');
    const when = consoleLongDate(slot.start);
    expect(text).toContain(when);
    expect(text).toContain('Apporter l’ordonnance');

    // Booked: the slot leaves the other secretary's list without a reload, on the live event; and nothing polls.
    await traffic.waitForEvent('slot.booked', slot.id);
    await slotRow(second.page, slot).waitFor({ state: 'detached', timeout: 5_000 });
    // A read asked while the previous one was still out may follow it (the watch reads once more after a read in
    // progress): let it pass, then nothing may read for 4 s (the old polling read the slots every 3 s).
    await second.page.waitForTimeout(1_000);
    const quietSince = Date.now();
    await second.page.waitForTimeout(4_000);
    expect(traffic.readsOf('/api/slots/search', quietSince)).toBe(0);
    expect(traffic.sockets).toBe(1);

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

  it('shows a lost connection, recovers by itself and catches up on what changed meanwhile', async () => {
    const { page } = second;
    const cut = await LiveCut.install(page);
    await page.reload(); // its live connection now goes through the switch
    await holdButton(page, spareSlot).waitFor();
    const notice = page.locator('.connection-lost');

    await cut.sever();
    await notice.getByText(/Connexion perdue/).waitFor({ timeout: 10_000 });
    const late = await publishSlot(hospital, HOSPITAL, 'ct', 320);
    cut.restore();
    await notice.getByText(/Connexion rétablie/).waitFor({ timeout: 15_000 });
    await holdButton(page, late).waitFor({ timeout: 5_000 });
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

/** Holds back the page's slot searches until `release()`, counting the answers given. */
async function holdSearches(page: Page): Promise<{ answered: number; release(): Promise<void> }> {
  let open!: () => void;
  const gate = new Promise<void>((done) => (open = done));
  const held: Promise<void>[] = [];
  const handler = (route: Route) => {
    const answer = gate.then(async () => {
      // One that comes as the route goes may be let through by the unroute already.
      await route.continue().catch(() => undefined);
      searches.answered++;
    });
    held.push(answer);
    return answer;
  };
  const searches = {
    answered: 0,
    release: async () => {
      open();
      await Promise.all(held);
      await page.unroute(SEARCH, handler);
    },
  };
  await page.route(SEARCH, handler);
  return searches;
}
const SEARCH = /\/api\/slots\/search\?/;

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}
