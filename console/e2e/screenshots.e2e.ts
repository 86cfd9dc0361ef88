import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, signIn, waitForPath } from './support/browser';
import { WORKSPACE_ROOT } from './support/built-server';

const SCREENSHOTS = join(WORKSPACE_ROOT, 'docs/screenshots');

/** Each workspace as its users first see it, at 1366×768, for the README (docs/screenshots/*.png). */
describe('workspaces at 1366×768', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser.close());

  it.each([
    ['secretariat', 'secretariat@creneau.test', '/secretariat', 'table.queue tbody tr'],
    ['centre', 'imagerie.hopital@creneau.test', '/centre', '.agenda-week'],
    ['coordination', 'coordination@creneau.test', '/coordination', '.centre-card >> nth=2'],
    ['doctor', 'dr.martin@creneau.test', '/medecin', 'table.data tbody tr'],
  ])('%s', async (name, email, path, ready) => {
    const { context, page } = await newPage(browser);
    try {
      await signIn(page, email);
      await waitForPath(page, path);
      await page.locator(ready).first().waitFor();
      await page.locator('.status.up').waitFor();
      // The whole workspace fits the screen: nothing to scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    } finally {
      await context.close();
    }
  });
});
