import type { Browser, BrowserContext, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPage, signIn, submitLogin, waitForPath } from './support/browser';

describe('signing in and out', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());
  beforeEach(async () => ({ context, page } = await newPage(browser)));
  afterEach(() => context.close());

  it('sends a visitor to the login page, then a secretary to the secretariat’s queue', async () => {
    await page.goto(`${baseUrl()}/`);
    await waitForPath(page, '/connexion');
    await signIn(page, 'secretariat@creneau.test');
    await waitForPath(page, '/secretariat');

    expect(await page.locator('h1').textContent()).toBe('File des demandes');
    await page.locator('table.queue tbody tr').first().waitFor();
    expect(await page.locator('.app-header .account .role').textContent()).toBe('Télésecrétariat');
    expect(await page.title()).toBe('Télésecrétariat — Créneau');
  });

  it('says so when the password is wrong, and stays on the login page', async () => {
    await signIn(page, 'secretariat@creneau.test', 'not-the-password');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('E-mail ou mot de passe incorrect.');
    expect(new URL(page.url()).pathname).toBe('/connexion');
    // Ready for another try: the password field is empty and has the focus.
    expect(await page.locator('#login-password:focus').inputValue()).toBe('');
  });

  it('signs out back to the login page, and the session is over on the server too', async () => {
    await signIn(page, 'imagerie.hopital@creneau.test');
    await waitForPath(page, '/centre');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await waitForPath(page, '/connexion');

    await page.goto(`${baseUrl()}/centre`);
    await page.waitForURL(`${baseUrl()}/connexion?retour=%2Fcentre`);
    expect((await page.request.get(`${baseUrl()}/api/auth/me`)).status()).toBe(401);
  });

  it('brings a user back to the page asked for before signing in', async () => {
    await page.goto(`${baseUrl()}/coordination/journal`);
    await page.waitForURL(`${baseUrl()}/connexion?retour=%2Fcoordination%2Fjournal`);
    await submitLogin(page, 'coordination@creneau.test');
    await waitForPath(page, '/coordination/journal');
    expect(await page.locator('h1').textContent()).toBe('Journal d’audit');
  });
});
