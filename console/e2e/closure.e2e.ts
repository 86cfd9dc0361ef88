import type { Browser } from 'playwright-core';
import { apiAs, ApiSession } from './support/api';
import { launchBrowser, newPage, signIn, waitForPath } from './support/browser';
import { bookThroughApi } from './support/requests';
import { consoleDayTime, publishSlot } from './support/slots';

const CLINIC = 'Clinique du Bocage — imagerie';
const ZONE = 'Europe/Paris';

/** `yyyy-mm-dd` of an instant in the territory's zone. */
const localDay = (instant: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(instant);

/**
 * The clinic's scanner breaks down: its radiologist closes the day from the agenda, and is told which appointment
 * already made that day has to be moved. The day is the first one starting after the next 48 h (the slot just after
 * its midnight, still within the request's 72 h), so that no other file's searches ever meet the closure.
 */
describe('closing a centre for a day', () => {
  let browser: Browser;
  let clinic: ApiSession;
  let secretary: ApiSession;

  beforeAll(async () => {
    clinic = await apiAs('imagerie.clinique@creneau.test');
    secretary = await apiAs('secretariat@creneau.test');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await clinic.dispose();
    await secretary.dispose();
    await browser.close();
  });

  it('lists the appointment already made during the closed day, to move or cancel', async () => {
    let midnight = Date.now() + 48 * 3_600_000;
    while (localDay(new Date(midnight)) === localDay(new Date(Date.now() + 48 * 3_600_000))) midnight += 60_000;
    const slot = await publishSlot(clinic, CLINIC, 'ct', Math.ceil((midnight - Date.now()) / 60_000) + 2);
    const day = localDay(new Date(slot.start));
    const booked = await bookThroughApi(secretary, 'FERMETURE', slot.id);
    const { reference } = await secretary.get<{ reference: string }>(`/api/requests/${booked.requestId}`);

    const { context, page } = await newPage(browser);
    try {
      await signIn(page, 'imagerie.clinique@creneau.test');
      await waitForPath(page, '/centre');
      await page.getByRole('button', { name: 'Fermer une période' }).click();
      await page.getByLabel('Du', { exact: true }).fill(day);
      await page.getByLabel('au (inclus)', { exact: true }).fill(day);
      await page.getByLabel('Motif', { exact: true }).fill('Panne du scanner');
      await page.getByRole('button', { name: 'Fermer le centre' }).click();

      const notice = page.getByRole('status').filter({ hasText: 'fermé du' });
      await notice.waitFor();
      expect(await notice.innerText()).toBe(
        `${CLINIC} fermé du ${day} au ${day} : ses créneaux ne sont pas proposés. Un rendez-vous déjà pris tombe ` +
          `pendant la fermeture, à déplacer ou annuler : ${reference} (${consoleDayTime(slot.start)}).`,
      );
    } finally {
      await context.close();
    }
    const closures = await clinic.get<{ reason: string }[]>(`/api/centres/${await clinicId(clinic)}/closures`);
    expect(closures.map((closure) => closure.reason)).toContain('Panne du scanner');
  });
});

async function clinicId(session: ApiSession): Promise<string> {
  const centres = await session.get<{ id: string; name: string }[]>('/api/centres');
  const found = centres.find((centre) => centre.name === CLINIC);
  if (!found) throw new Error(`No centre named ${CLINIC}`);
  return found.id;
}
