import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cards, mailMessages } from '../src/db/schema/index.js';
import { addCardText, confirmationPathFrom } from '../test/support/card-fixtures.js';
import { openCards, openMail } from '../test/support/opened-rows.js';
import { createCampaign, createMember, TEST_PASSWORD } from '../test/support/factories.js';
import { runAxe, runAxeWithJavaScriptOff } from './support/axe.js';
import { signIn, startBrowserApp, type BrowserApp } from './support/browser.js';

let t: BrowserApp;
beforeAll(async () => {
  t = await startBrowserApp();
});
afterAll(async () => t?.close());

describe('support cards in a browser', () => {
  it('an educator signs on the public page with JavaScript off; an organizer verifies the card, the dashboard moves; the organizer opens, checks and revokes it', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 2, perSite: 4 });
    await addCardText(t.database.db, fixture.campaign.id);
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const { context, page, problems } = await t.newPage();
    const signer = await t.browser.newContext({ baseURL: t.baseUrl, javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      await page.goto('/app/');
      await signIn(page, organizer.email, TEST_PASSWORD);
      await page.waitForURL(`**/app/c/${fixture.campaign.slug}/dashboard`);
      await expect(page.getByTestId('valid-cards').textContent()).resolves.toBe('0');

      // The educator, on a phone with JavaScript off.
      const educator = fixture.people[1]!;
      const name = `${educator.givenName} ${educator.familyName}`;
      const form = await signer.newPage();
      await form.goto(`/c/${fixture.campaign.slug}/card`);
      await form.getByLabel('Full legal name', { exact: true }).fill(name);
      await form.getByLabel('Personal email').fill('signer@mail.example');
      await form.getByLabel('Phone').fill('(323) 555-0123');
      await form.getByLabel('School').selectOption({ label: 'School 1 (employer: Employer 1)' });
      await form.getByLabel('Job title').fill('Teacher, Biology');
      await form.getByLabel('I have read the card above and I agree to it.').check();
      await form.getByLabel('Signature: type your full legal name').fill(name.toUpperCase());
      await form.getByRole('button', { name: 'Sign my card' }).click();
      await form.getByRole('heading', { name: 'Thank you for signing' }).waitFor();

      // Submitted, not verified: the dashboard does not move (a card in someone's name proves nothing).
      await page.reload();
      await page.getByTestId('valid-cards').waitFor();
      await expect(page.getByTestId('valid-cards').textContent()).resolves.toBe('0');

      // The organizer finds it waiting, with what it needs, and verifies it, saying how.
      const menu = page.getByRole('navigation', { name: 'Main' });
      await menu.getByRole('link', { name: 'Cards' }).click();
      await page.getByRole('link', { name: 'Waiting for verification' }).click();
      const waiting = page.getByRole('article').filter({ hasText: name });
      await expect(waiting.textContent()).resolves.toContain('the signer’s answer to the confirmation');
      await waiting.getByLabel('How you verified it').selectOption({ label: 'In person' });
      await waiting.getByRole('button', { name: 'Verify' }).click();
      await page.getByText(`Verified the card of ${name}: it now counts.`).waitFor();

      await menu.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByTestId('valid-cards').waitFor();
      await expect(page.getByTestId('valid-cards').textContent()).resolves.toBe('1');
      await expect(page.getByRole('row', { name: /School 1/ }).textContent()).resolves.toContain('25%');

      await menu.getByRole('link', { name: 'Cards' }).click();
      await page.getByRole('link', { name }).click();
      await page.getByText('The stored content still matches its hash.').waitFor();
      await expect(page.getByText('Sent to signer@mail.example').count()).resolves.toBe(1);
      await page.getByLabel('Reason').fill('Asked to withdraw');
      await page.getByRole('button', { name: 'Revoke' }).click();
      await page.getByText(/^Revoked from/).waitFor();

      await menu.getByRole('link', { name: 'Dashboard' }).click();
      await page.getByTestId('valid-cards').waitFor();
      await expect(page.getByTestId('valid-cards').textContent()).resolves.toBe('0');
      expect(problems).toEqual([]);
    } finally {
      await signer.close();
      await context.close();
    }
  });
});

describe('the card page in Spanish', () => {
  const spanish = { 'accept-language': 'es-US,es;q=0.9' };

  it('has no axe violations in Spanish (the form, the form with errors, JavaScript off) and signs with JavaScript off', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 2, perSite: 2 });
    await addCardText(t.database.db, fixture.campaign.id);
    const path = `/c/${fixture.campaign.slug}/card`;
    const context = await t.browser.newContext({ baseURL: t.baseUrl, bypassCSP: true, locale: 'es-US', extraHTTPHeaders: spanish });
    try {
      const page = await context.newPage();
      await page.goto(path);
      expect(await page.getAttribute('html', 'lang')).toBe('es');
      await page.getByRole('heading', { level: 1, name: 'Firme su tarjeta sindical' }).waitFor();
      expect(await runAxe(page)).toEqual([]);
      await page.getByRole('button', { name: 'Firmar mi tarjeta' }).click();
      await page.getByRole('heading', { name: 'Revise el formulario' }).waitFor();
      expect(await page.getByLabel('Nombre legal completo', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await runAxe(page)).toEqual([]);
    } finally {
      await context.close();
    }
    const { violations, html } = await runAxeWithJavaScriptOff(t.browser, t.baseUrl, path, spanish);
    expect(html).toContain('<html lang="es"');
    expect(violations).toEqual([]);

    // An educator on a phone, JavaScript off, switching the page to Spanish with the plain link.
    const signer = await t.browser.newContext({ baseURL: t.baseUrl, javaScriptEnabled: false, locale: 'en-US', viewport: { width: 390, height: 844 } });
    try {
      const educator = fixture.people[0]!;
      const name = `${educator.givenName} ${educator.familyName}`;
      const form = await signer.newPage();
      await form.goto(path);
      await form.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Español' }).click();
      await form.getByLabel('Nombre legal completo', { exact: true }).fill(name);
      await form.getByLabel('Correo electrónico personal').fill('firmante@mail.example');
      await form.getByLabel('Teléfono').fill('(323) 555-0199');
      await form.getByLabel('Escuela').selectOption({ label: 'School 1 (empleador: Employer 1)' });
      await form.getByLabel('Puesto').fill('Maestra de Ciencias');
      await form.getByLabel('Leí la tarjeta de arriba y estoy de acuerdo con ella.').check();
      await form.getByLabel('Firma: escriba su nombre legal completo').fill(name);
      await form.getByRole('button', { name: 'Firmar mi tarjeta' }).click();
      await form.getByRole('heading', { level: 1, name: 'Gracias por firmar' }).waitFor();
      // Contacts and mail are encrypted at rest (decision 0025): open the rows as the app would.
      const card = (await openCards(t.services, await t.database.db.select().from(cards))).find((c) => c.email === 'firmante@mail.example');
      expect(card?.cardText).toContain('I, an employee of Employer 1, want to form a union');
      const mail = (await openMail(t.services, await t.database.db.select().from(mailMessages))).find((m) => m.toAddress === 'firmante@mail.example');
      expect(mail?.subject).toBe(`Su tarjeta de apoyo para ${fixture.campaign.name}`);
      expect(mail?.textBody).toContain(card!.cardText);

      // The signer answers the confirmation from the link in it, still with JavaScript off.
      const link = confirmationPathFrom(mail!.textBody);
      await form.goto(`${link}?lang=es`);
      await form.getByRole('heading', { level: 1, name: '¿Firmó usted esta tarjeta?' }).waitFor();
      await form.getByRole('button', { name: 'Sí, firmé esta tarjeta' }).click();
      await form.getByText('Su respuesta quedó registrada: usted firmó esta tarjeta.').waitFor();
      const { violations } = await runAxeWithJavaScriptOff(t.browser, t.baseUrl, `${link}?lang=es`, spanish);
      expect(violations).toEqual([]);
    } finally {
      await signer.close();
    }
  });
});
