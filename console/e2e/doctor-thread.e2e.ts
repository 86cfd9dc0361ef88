import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiAs, ApiSession, createSecretary } from './support/api';
import { baseUrl, launchBrowser, newPage, signIn, waitForPath } from './support/browser';
import { completeCtRequest } from './support/requests';

const DOCTOR = 'dr.martin@creneau.test';
const SECRETARY = 'e2e.secretaire4@creneau.test';
const QUESTION = 'Le patient sera accompagné de sa fille, qui parle pour lui.';
const ANSWER = 'Bien noté, nous le signalons au centre.';

/**
 * The requesting doctor's side of a request's thread: the demo doctor submits a request, opens its page from
 * « Mes demandes » and writes in its thread; the secretary, on the same request's page, sees it arrive live and
 * answers, and the doctor sees the answer arrive. Another doctor's request is not theirs to open.
 */
describe('a requesting doctor’s request page', () => {
  let browser: Browser;
  let doctor: ApiSession;
  let secretary: ApiSession;
  let request: { id: string; reference: string };
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    doctor = await apiAs(DOCTOR);
    request = await doctor.post('/api/requests', completeCtRequest('ECHANGE', 'Test'));
    await createSecretary(SECRETARY, 'Quatrième Secrétaire');
    secretary = await apiAs(SECRETARY);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await doctor.dispose();
    await secretary.dispose();
    await browser.close();
  });

  async function signedIn(email: string, home: string): Promise<Page> {
    const { context, page } = await newPage(browser);
    contexts.push(context);
    await signIn(page, email);
    await waitForPath(page, home);
    return page;
  }

  it('lets the doctor open a request from « Mes demandes » and talk with the secretariat in its thread', async () => {
    const secretariatPage = await signedIn(SECRETARY, '/secretariat');
    await secretariatPage.goto(`${baseUrl()}/secretariat/demandes/${request.id}`);
    const secretariatThread = secretariatPage.locator('cr-request-comments');
    await secretariatThread.getByText('Aucun échange pour l’instant.').waitFor();

    const doctorPage = await signedIn(DOCTOR, '/medecin');
    const row = doctorPage.locator('table.data tbody tr', { hasText: request.reference });
    // From the keyboard: the patient's name is a link to the request's page.
    await row.getByRole('link', { name: 'ECHANGE Test' }).focus();
    await doctorPage.keyboard.press('Enter');
    await waitForPath(doctorPage, `/medecin/demandes/${request.id}`);
    await doctorPage.getByRole('heading', { level: 1, name: `ECHANGE Test ${request.reference}` }).waitFor();
    expect(await doctorPage.locator('.request-header').innerText()).toContain('Scanner — Colique néphrétique');
    expect(await doctorPage.locator('.follow-up').innerText()).toBe('En attente d’un créneau.');

    await doctorPage.getByLabel('Nouveau commentaire').fill(QUESTION);
    await doctorPage.getByRole('button', { name: 'Envoyer le commentaire' }).click();
    await doctorPage.locator('cr-request-comments .thread li', { hasText: QUESTION }).waitFor();

    // Live, on the secretary's page opened before: no reload.
    const fromDoctor = secretariatThread.locator('.thread li', { hasText: QUESTION });
    await fromDoctor.waitFor();
    expect(await fromDoctor.innerText()).toContain('Dr Jeanne Martin (médecin généraliste) (Médecin demandeur)');

    await secretariatPage.getByLabel('Nouveau commentaire').fill(ANSWER);
    await secretariatPage.getByRole('button', { name: 'Envoyer le commentaire' }).click();
    const answer = doctorPage.locator('cr-request-comments .thread li', { hasText: ANSWER });
    await answer.waitFor();
    expect(await answer.innerText()).toContain('Quatrième Secrétaire (Télésecrétariat)');

    const comments = await secretary.get<{ body: string; authorRole: string }[]>(`/api/requests/${request.id}/comments`);
    expect(comments).toEqual([
      expect.objectContaining({ body: QUESTION, authorRole: 'doctor' }),
      expect.objectContaining({ body: ANSWER, authorRole: 'secretariat' }),
    ]);
  });

  it('tells the doctor that another doctor’s request is not theirs to read', async () => {
    const ctRequest = completeCtRequest('AUTRE', 'Test');
    const otherDoctors = await secretary.post<{ id: string }>('/api/requests', {
      form: { ...ctRequest.form, doctor: { name: 'Dr Paul Autre', rpps: '10009999999', phone: '02 51 00 00 09' } },
    });
    const page = await signedIn(DOCTOR, '/medecin');
    await page.goto(`${baseUrl()}/medecin/demandes/${otherDoctors.id}`);
    await page.getByRole('heading', { name: 'Demande introuvable' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toBe('Cette demande n’existe pas ou ne fait pas partie de vos demandes.');
    expect(await page.locator('cr-request-comments').count()).toBe(0);
  });
});
