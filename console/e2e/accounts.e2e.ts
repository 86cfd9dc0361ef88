import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, newPage, signIn, waitForPath } from './support/browser';

const NEW_ACCOUNT = 'e2e.radiologue@creneau.test';
const NEW_PASSWORD = 'un-mot-de-passe-e2e';
const REASON = 'Départ du centre (test de bout en bout)';

/** One coordinator's journey: create an account, disable it with a reason, find both in the audit journal. */
describe('account management by the coordination', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, page } = await newPage(browser));
    await signIn(page, 'coordination@creneau.test');
    await waitForPath(page, '/coordination');
  });
  afterAll(async () => {
    await context.close();
    await browser.close();
  });

  const row = (email: string) => page.locator('tbody tr', { has: page.getByRole('cell', { name: email, exact: true }) });

  it('creates a centre account bound to its centre', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Comptes' }).click();
    await waitForPath(page, '/coordination/comptes');
    await row('secretariat@creneau.test').waitFor();

    await page.getByLabel('Adresse e-mail').fill(NEW_ACCOUNT);
    await page.getByLabel('Nom affiché').fill('Dr Élise Radiologue');
    await page.getByLabel('Rôle').selectOption({ label: 'Centre d’imagerie' });
    await page.getByLabel('Clinique du Bocage — imagerie').check();
    await page.getByLabel(/Mot de passe initial/).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Créer le compte' }).click();

    await page.getByText(`Compte créé : ${NEW_ACCOUNT}.`).waitFor();
    expect(await row(NEW_ACCOUNT).locator('td').allInnerTexts()).toEqual([
      NEW_ACCOUNT,
      'Dr Élise Radiologue',
      'Centre d’imagerie',
      'Clinique du Bocage — imagerie',
      'Actif',
      'Désactiver',
    ]);
  });

  it('disables it only with a reason', async () => {
    await page.getByRole('button', { name: `Désactiver le compte ${NEW_ACCOUNT}` }).click();
    const reason = page.getByLabel('Motif (obligatoire)');
    await reason.waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Indiquez le motif (3 caractères au moins).').waitFor();

    await reason.fill(REASON);
    await page.keyboard.press('Enter');
    await page.getByText(`Compte ${NEW_ACCOUNT} désactivé.`).waitFor();
    expect((await row(NEW_ACCOUNT).locator('.state').textContent())?.trim()).toBe('Désactivé');
  });

  it('shows who did it, and why, in the audit journal', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Journal d’audit' }).click();
    await waitForPath(page, '/coordination/journal');
    await page.getByLabel('Auteur').selectOption({ label: 'coordination@creneau.test' });
    await page.getByRole('button', { name: 'Filtrer' }).click();

    const disabled = page.locator('tbody tr', { hasText: 'Désactivation' }).first();
    // Read in one go, waiting for the row: the filtered list replaces the table, and a row read cell by cell
    // while that happens reads as nothing.
    const cells = await disabled.evaluate((row: HTMLTableRowElement) => Array.from(row.cells, (cell) => cell.innerText));
    expect(cells.slice(1, 5)).toEqual(['coordination@creneau.test', 'Désactivation', `Compte ${NEW_ACCOUNT}`, REASON]);
    expect(await page.locator('tbody tr', { hasText: 'Création' }).filter({ hasText: NEW_ACCOUNT }).count()).toBe(1);
  });

  it('leaves the disabled account unable to sign in', async () => {
    const other = await newPage(browser);
    try {
      await signIn(other.page, NEW_ACCOUNT, NEW_PASSWORD);
      await other.page.getByRole('alert').waitFor();
      expect(await other.page.getByRole('alert').textContent()).toBe('E-mail ou mot de passe incorrect.');
    } finally {
      await other.context.close();
    }
  });
});
