import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, campaigns, cards, cardVerifications, mailMessages, people } from '../../src/db/schema/index.js';
import { hashCard } from '../../src/domain/cards/card-hash.js';
import { cardContentOf } from '../../src/domain/cards/card-content.js';
import { renderCardText } from '../../src/domain/cards/card-text.js';
import { addCardText, CARD_BODY, csrfFrom, setPersonalEmail, signByForm, versionFrom } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { linkedPerson } from '../support/keyrings.js';
import { openCards, openMail } from '../support/opened-rows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let f: CampaignFixture;
let path: string;

beforeAll(async () => {
  t = await createTestApp();
  f = await createCampaign(t.database.db, { sites: 2, perSite: 4 });
  await addCardText(t.database.db, f.campaign.id);
  path = `/c/${f.campaign.slug}/card`;
});
afterAll(async () => t.close());

const db = () => t.database.db;
const cardsOf = async () => openCards(t.services, await db().select().from(cards).where(eq(cards.campaignId, f.campaign.id)));
const person = (i: number) => f.people[i]!;
const fieldsFor = (i: number, email: string) => ({
  legal_name: `${person(i).givenName} ${person(i).familyName}`,
  email,
  phone: '(323) 555-0142',
  worksite_id: person(i).worksiteId,
  job_title: 'Teacher, Mathematics',
});

async function loggedIn(role: 'admin' | 'organizer' | 'committee' | 'viewer', worksiteIds?: string[]) {
  const account = await createMember(db(), f, role, worksiteIds);
  const agent = t.agent();
  await agent.login(account.email, TEST_PASSWORD);
  return { agent, account };
}

const auditActions = async (accountId: string) => (await db().select().from(auditEvents).where(eq(auditEvents.actorAccountId, accountId))).map((e) => e.action);

describe('the public card page', () => {
  it('renders the full card text, the schools with their employers, a CSRF field and a honeypot, with no inline script or style', async () => {
    const res = await t.agent().get(path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('want to form a union with my coworkers');
    expect(res.body).toContain('School 1 (employer: Employer 1)');
    expect(csrfFrom(res.body).length).toBeGreaterThan(10);
    expect(versionFrom(res.body)).toBe('1');
    expect(res.body).toContain('name="website"');
    expect(res.body).not.toMatch(/<script|style=|on(click|submit|load)=/i);
  });

  it('signs with JavaScript off: stores the card, hashes it, matches it by email and mails a confirmation with all six elements', async () => {
    t.clock.now = new Date('2015-04-25T03:10:00Z'); // 8:10 pm on April 24 in Los Angeles
    await setPersonalEmail(db(), person(0).id, 'first.signer@mail.example');
    const res = await signByForm(t.agent(), path, { ...fieldsFor(0, 'First.Signer@Mail.example'), signature: `  ${fieldsFor(0, '').legal_name.toUpperCase()} ` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Thank you for signing');

    const [card] = (await cardsOf()).filter((c) => c.email === 'first.signer@mail.example');
    expect(card).toBeDefined();
    expect(card).toMatchObject({ source: 'electronic', signedOn: '2015-04-24', employerName: 'Employer 1', worksiteName: 'School 1', personId: person(0).id, matchStatus: 'matched', matchMethod: 'email', cardTextVersion: 1 });
    expect(card!.cardText).toContain('I, an employee of Employer 1, want to form a union');
    expect(card!.cardText).not.toContain('{employer}');
    expect(card!.contentHash).toBe(hashCard(cardContentOf(card!)));
    expect(card!.ip).toBeTruthy();

    const [mail] = await openMail(t.services, await db().select().from(mailMessages).where(eq(mailMessages.id, card!.confirmationMailId!)));
    expect(mail).toMatchObject({ kind: 'card_confirmation', toAddress: 'first.signer@mail.example', campaignId: f.campaign.id });
    for (const element of [card!.signerName, 'first.signer@mail.example', '(323) 555-0142', card!.cardText, 'Date signed: 2015-04-24', 'Employer: Employer 1', card!.contentHash]) {
      expect(mail!.textBody).toContain(element);
    }
  });

  it('also signs through the default campaign path /card', async () => {
    const other = await createCampaign(db(), { sites: 1, perSite: 1, isDefault: true });
    await addCardText(db(), other.campaign.id);
    const res = await signByForm(t.agent(), '/card', { legal_name: 'Ana Default', email: 'ana@mail.example', phone: '555 010 2030', worksite_id: other.sites[0]!.id, job_title: 'Counselor' });
    expect(res.statusCode).toBe(200);
    const stored = await openCards(t.services, await db().select().from(cards).where(eq(cards.campaignId, other.campaign.id)));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.matchStatus).toBe('unmatched');
  });

  it('answers a repeat signer byte for byte as it answers a first-time signer', async () => {
    const first = await signByForm(t.agent(), path, fieldsFor(1, 'repeat@mail.example'));
    const again = await signByForm(t.agent(), path, fieldsFor(1, 'repeat@mail.example'));
    const stranger = await signByForm(t.agent(), path, fieldsFor(2, 'someone.else@mail.example'));
    expect(first.statusCode).toBe(200);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(first.body);
    expect(stranger.body).toBe(first.body);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(again.headers['set-cookie']).toEqual(first.headers['set-cookie']);
    // Both signings are on record; the math counts the person once (see majority.test.ts).
    expect((await cardsOf()).filter((c) => c.email === 'repeat@mail.example')).toHaveLength(2);
  });

  it('re-shows the form with the reasons when the signature does not match the legal name, and records nothing', async () => {
    const before = (await cardsOf()).length;
    const mailsBefore = (await db().select().from(mailMessages)).length;
    const res = await signByForm(t.agent(), path, { ...fieldsFor(3, 'typo@mail.example'), signature: 'Someone Else', agree: 'no' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Type your full legal name exactly as above to sign.');
    expect(res.body).toContain('Tick the box to agree to the card.');
    expect(res.body).toContain('value="typo@mail.example"');
    expect(csrfFrom(res.body).length).toBeGreaterThan(10);
    expect((await cardsOf()).length).toBe(before);
    expect((await db().select().from(mailMessages)).length).toBe(mailsBefore);
  });

  it('asks to read the text again when it changed after the page was opened', async () => {
    const agent = t.agent();
    const page = await agent.get(path);
    const body = new URLSearchParams({ _csrf: csrfFrom(page.body), card_text_version: '999', agree: 'yes', ...fieldsFor(3, 'stale@mail.example'), signature: fieldsFor(3, '').legal_name });
    const res = await agent.request({ method: 'POST', url: path, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('The card text was updated');
  });

  it('thanks a bot that filled the honeypot and records nothing', async () => {
    const before = (await cardsOf()).length;
    const res = await signByForm(t.agent(), path, { ...fieldsFor(3, 'bot@mail.example'), website: 'http://spam.example' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Thank you for signing');
    expect((await cardsOf()).length).toBe(before);
  });

  it('refuses a post without the CSRF token', async () => {
    const agent = t.agent();
    await agent.get(path);
    const body = new URLSearchParams({ card_text_version: '1', agree: 'yes', ...fieldsFor(3, 'nocsrf@mail.example'), signature: fieldsFor(3, '').legal_name });
    const res = await agent.request({ method: 'POST', url: path, payload: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
    expect(res.statusCode).toBe(403);
    // A person, not a program, is on the other end: an HTML page that says what to do.
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Allow cookies for this site');
    expect(res.body).toContain(`href="${path}"`);
    expect((await cardsOf()).some((c) => c.email === 'nocsrf@mail.example')).toBe(false);
  });

  it('also takes JSON with the token in the header (the form from script)', async () => {
    const agent = t.agent();
    const page = await agent.get(path);
    const res = await agent.request({
      method: 'POST',
      url: path,
      payload: { ...fieldsFor(3, 'json@mail.example'), agree: 'yes', signature: fieldsFor(3, '').legal_name, card_text_version: versionFrom(page.body) },
      withCsrf: false,
      headers: { 'x-csrf-token': csrfFrom(page.body) },
    });
    expect(res.statusCode).toBe(200);
    expect((await cardsOf()).some((c) => c.email === 'json@mail.example')).toBe(true);
  });

  it('rate-limits submissions per address, without saying how many are left', async () => {
    const limited = await createTestApp({ config: { cardFormRateLimitPerMinute: 2 } });
    // On a school's shared network, x-ratelimit-remaining would count colleagues' cards.
    const limitHeaders = (res: { headers: Record<string, unknown> }) => Object.keys(res.headers).filter((h) => h.startsWith('x-ratelimit') || h === 'retry-after');
    try {
      const g = await createCampaign(limited.database.db, { sites: 1, perSite: 1 });
      await addCardText(limited.database.db, g.campaign.id);
      const codes: number[] = [];
      for (let i = 0; i < 3; i++) {
        const res = await signByForm(limited.agent(), `/c/${g.campaign.slug}/card`, { legal_name: 'Flood Person', email: `f${i}@mail.example`, phone: '5550102030', worksite_id: g.sites[0]!.id, job_title: 'Teacher' });
        codes.push(res.statusCode);
        expect(limitHeaders(res)).toEqual([]);
      }
      expect(codes).toEqual([200, 200, 429]);
      const again = await limited.agent().request({ method: 'POST', url: `/c/${g.campaign.slug}/card`, payload: 'legal_name=x', headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
      expect(again.statusCode).toBe(429);
      expect(limitHeaders(again)).toEqual([]);
      expect(again.body).toContain('Too many tries');
    } finally {
      await limited.close();
    }
  });
});

describe('the card page in Spanish', () => {
  const spanish = { 'accept-language': 'es-MX,es;q=0.9' };
  /** A browser whose language switch was set to Spanish (`?lang=es` leaves the cookie). */
  async function spanishAgent() {
    const agent = t.agent();
    expect((await agent.get(`${path}?lang=es`)).body).toContain('<html lang="es">');
    return agent;
  }

  it('shows the text around the card in Spanish and the card text exactly as versioned', async () => {
    const res = await t.agent().request({ method: 'GET', url: path, headers: spanish });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('<html lang="es">');
    for (const text of ['Firme su tarjeta sindical', 'Confidencial.', 'Nombre legal completo', 'Correo electrónico personal', 'Elija su escuela…', 'School 1 (empleador: Employer 1)', 'Firmar mi tarjeta', '[el empleador de la escuela que usted elija abajo]']) {
      expect(res.body).toContain(text);
    }
    // The legal text is not translated: the same words as on the English page.
    expect(res.body).toContain('Authorization card');
    expect(res.body).toContain('want to form a union with my coworkers.');
    expect(res.body).toContain('to represent me in collective bargaining with');
    // The public frame: landmarks and the switch back to English.
    expect(res.body).toContain('<main id="main"');
    expect(res.body).toContain(`<a href="${path}?lang=en" hrefLang="en" lang="en">English</a>`);
    expect(res.body).not.toMatch(/<script|style=|on(click|submit|load)=/i);
  });

  it('gives the reasons in Spanish and records nothing', async () => {
    const before = (await cardsOf()).length;
    const res = await signByForm(await spanishAgent(), path, { ...fieldsFor(4, 'es.typo@mail.example'), phone: '12', signature: 'Otra Persona', agree: 'no' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toContain('Revise el formulario');
    expect(res.body).toContain('Para firmar, escriba su nombre legal completo exactamente como arriba.');
    expect(res.body).toContain('Marque la casilla para indicar que está de acuerdo con la tarjeta.');
    expect(res.body).toContain('Escriba un número de teléfono (de 7 a 15 dígitos).');
    expect(res.body).toContain('value="es.typo@mail.example"');
    expect((await cardsOf()).length).toBe(before);
  });

  it('signs in Spanish: the same stored card and hash, the confirmation email in Spanish quoting the card text as signed', async () => {
    const res = await signByForm(await spanishAgent(), path, fieldsFor(5, 'es.signer@mail.example'));
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Gracias por firmar');
    const [card] = (await cardsOf()).filter((c) => c.email === 'es.signer@mail.example');
    // What is signed and hashed does not depend on the page's language.
    expect(card!.cardText).toBe(renderCardText(CARD_BODY, card!.employerName));
    expect(card!.contentHash).toBe(hashCard(cardContentOf(card!)));

    const [mail] = await openMail(t.services, await db().select().from(mailMessages).where(eq(mailMessages.id, card!.confirmationMailId!)));
    expect(mail!.subject).toBe(`Su tarjeta de apoyo para ${f.campaign.name}`);
    for (const element of [`Nombre: ${card!.signerName}`, 'Correo electrónico personal: es.signer@mail.example', `Empleador: ${card!.employerName}`, `Escuela: ${card!.worksiteName}`, 'Fecha de firma: ', card!.cardText, card!.contentHash]) {
      expect(mail!.textBody).toContain(element);
    }
    expect(mail!.textBody).not.toContain('Thank you');
  });

  it('answers a repeat signer in Spanish byte for byte as a first-time signer', async () => {
    const first = await signByForm(await spanishAgent(), path, fieldsFor(6, 'es.repeat@mail.example'));
    const again = await signByForm(await spanishAgent(), path, fieldsFor(6, 'es.repeat@mail.example'));
    const stranger = await signByForm(await spanishAgent(), path, fieldsFor(7, 'es.other@mail.example'));
    expect(first.statusCode).toBe(200);
    expect(first.body).toContain('<html lang="es">');
    expect(again.body).toBe(first.body);
    expect(stranger.body).toBe(first.body);
    expect(again.headers['set-cookie']).toEqual(first.headers['set-cookie']);
  });

  it('explains a refused post in Spanish', async () => {
    const res = await t.agent().request({ method: 'POST', url: path, payload: 'legal_name=x', headers: { ...spanish, 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('<html lang="es">');
    expect(res.body).toContain('Permita las cookies de este sitio');
    expect(res.body).toContain(`href="${path}"`);
  });
});

describe('append-only cards', () => {
  it('refuses an UPDATE of signed content and a DELETE in SQL; the stored hash still verifies', async () => {
    const [card] = await cardsOf();
    await expect(db().update(cards).set({ phone: '(000) 000-0000' }).where(eq(cards.id, card!.id))).rejects.toThrow();
    await expect(db().update(cards).set({ signedOn: '2014-01-01' }).where(eq(cards.id, card!.id))).rejects.toThrow();
    await expect(db().delete(cards).where(eq(cards.id, card!.id))).rejects.toThrow();
    const [after] = await openCards(t.services, await db().select().from(cards).where(eq(cards.id, card!.id)));
    expect(after!.phone).toBe(card!.phone);
    expect(hashCard(cardContentOf(after!))).toBe(after!.contentHash);
  });

  it('lets the whole campaign go, cards included', async () => {
    const g = await createCampaign(db(), { sites: 1, perSite: 1 });
    await addCardText(db(), g.campaign.id);
    await signByForm(t.agent(), `/c/${g.campaign.slug}/card`, { legal_name: 'Gone Soon', email: 'gone@mail.example', phone: '5550102030', worksite_id: g.sites[0]!.id, job_title: 'Teacher' });
    await db().delete(campaigns).where(eq(campaigns.id, g.campaign.id));
    expect(await db().select().from(cards).where(eq(cards.campaignId, g.campaign.id))).toHaveLength(0);
  });
});

describe('cards in the organizer API', () => {
  it('organizers list and open cards; both views are audited; the detail shows the verified hash and the confirmation', async () => {
    const { agent, account } = await loggedIn('organizer');
    const list = await agent.get(`/api/campaigns/${f.campaign.slug}/cards`);
    expect(list.statusCode).toBe(200);
    const listed = (list.json() as { cards: { id: string; signerName: string }[] }).cards;
    expect(listed.length).toBeGreaterThan(2);
    const detail = await agent.get(`/api/campaigns/${f.campaign.slug}/cards/${listed[0]!.id}`);
    expect(detail.statusCode).toBe(200);
    const card = (detail.json() as { card: { hashVerified: boolean; contentHash: string; confirmation: { to: string } | null; cardText: string } }).card;
    expect(card.hashVerified).toBe(true);
    expect(card.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(card.confirmation?.to).toContain('@mail.example');
    const actions = await auditActions(account.id);
    expect(actions).toContain('cards.list_viewed');
    expect(actions).toContain('cards.viewed');
  });

  it('committee members see only cards from their own schools; viewers see none', async () => {
    const signedAtSecond = await signByForm(t.agent(), path, fieldsFor(4, 'second.school@mail.example'));
    expect(signedAtSecond.statusCode).toBe(200);
    const { agent } = await loggedIn('committee', [f.sites[0]!.id]);
    const list = (await agent.get(`/api/campaigns/${f.campaign.slug}/cards`)).json() as { cards: { id: string; worksiteId: string }[] };
    expect(list.cards.length).toBeGreaterThan(0);
    expect(list.cards.every((c) => c.worksiteId === f.sites[0]!.id)).toBe(true);
    const foreign = (await cardsOf()).find((c) => c.worksiteId === f.sites[1]!.id)!;
    expect((await agent.get(`/api/campaigns/${f.campaign.slug}/cards/${foreign.id}`)).statusCode).toBe(404);
    expect((await agent.get(`/api/campaigns/${f.campaign.slug}/cards/review`)).statusCode).toBe(403);
    expect((await agent.post(`/api/campaigns/${f.campaign.slug}/cards/${foreign.id}/revoke`, { reason: 'x' })).statusCode).toBe(403);

    const viewer = await loggedIn('viewer');
    expect((await viewer.agent.get(`/api/campaigns/${f.campaign.slug}/cards`)).statusCode).toBe(403);
    expect((await viewer.agent.get(`/api/campaigns/${f.campaign.slug}/cards/${foreign.id}`)).statusCode).toBe(403);
    expect((await t.agent().get(`/api/campaigns/${f.campaign.slug}/cards`)).statusCode).toBe(401);
  });

  it('revokes a card with a new record, once, and audits it', async () => {
    t.clock.now = new Date('2015-05-20T18:00:00Z');
    const { agent, account } = await loggedIn('organizer');
    const card = (await cardsOf()).find((c) => c.email === 'second.school@mail.example')!;
    const early = await agent.post(`/api/campaigns/${f.campaign.slug}/cards/${card.id}/revoke`, { reason: 'Asked to withdraw', effectiveOn: '2000-01-01' });
    expect(early.statusCode).toBe(400);
    const res = await agent.post(`/api/campaigns/${f.campaign.slug}/cards/${card.id}/revoke`, { reason: 'Asked to withdraw' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ cardId: card.id, revokedOn: '2015-05-20' });
    expect((await agent.post(`/api/campaigns/${f.campaign.slug}/cards/${card.id}/revoke`, { reason: 'again' })).statusCode).toBe(409);
    const detail = (await agent.get(`/api/campaigns/${f.campaign.slug}/cards/${card.id}`)).json() as { card: { status: string; revokedOn: string } };
    expect(detail.card).toMatchObject({ status: 'revoked', revokedOn: '2015-05-20' });
    expect(await auditActions(account.id)).toContain('card.revoked');
    // The card row itself did not change.
    const [same] = await openCards(t.services, await db().select().from(cards).where(eq(cards.id, card.id)));
    expect(same!.contentHash).toBe(card.contentHash);
  });

  it('enters a paper card with its scan, matched by employee id; the scan comes back with the same SHA-256', async () => {
    const { agent, account } = await loggedIn('admin');
    const [p] = await db().select().from(people).where(eq(people.id, person(5).id));
    const scanBytes = Buffer.from('%PDF-1.4\n% a scanned paper card\n');
    const res = await agent.post(`/api/campaigns/${f.campaign.slug}/cards/paper`, {
      signerName: 'Handwritten Name',
      email: null,
      phone: '(323) 555-0177',
      worksiteId: person(5).worksiteId,
      jobTitle: 'Teacher, Art',
      employeeId: p!.employeeId,
      signedOn: '2015-05-02',
      cardTextVersion: 1,
      scan: { filename: 'card.pdf', contentType: 'application/pdf', dataBase64: scanBytes.toString('base64') },
    });
    expect(res.statusCode).toBe(201);
    const created = (res.json() as { card: { id: string; match: { status: string; method: string; personId: string }; state: string } }).card;
    expect(created.match).toEqual({ status: 'matched', method: 'employee_id', personId: person(5).id });
    // The organizer holds the signed paper: the card is verified at entry, by them.
    expect(created.state).toBe('verified');
    const [row] = await openCards(t.services, await db().select().from(cards).where(eq(cards.id, created.id)));
    expect(row).toMatchObject({ source: 'paper', signedAt: null, signedOn: '2015-05-02', enteredBy: account.id });
    expect(hashCard(cardContentOf(row!))).toBe(row!.contentHash);

    const scan = await agent.get(`/api/campaigns/${f.campaign.slug}/cards/${created.id}/scan`);
    expect(scan.statusCode).toBe(200);
    expect(scan.rawPayload.equals(scanBytes)).toBe(true);
    expect(scan.headers['x-content-sha256']).toBe(createHash('sha256').update(scanBytes).digest('hex'));
    expect(await auditActions(account.id)).toEqual(expect.arrayContaining(['card.paper_entered', 'card.verified', 'cards.scan_viewed']));
    const [verification] = await db().select().from(cardVerifications).where(eq(cardVerifications.cardId, created.id));
    expect(verification).toMatchObject({ legacyPersonId: null, method: 'paper_entry', verifiedBy: account.id });
    // The person verified is keyed (decision 0028): only the app's key opens it.
    expect(await linkedPerson(db(), verification!)).toBe(person(5).id);

    const future = await agent.post(`/api/campaigns/${f.campaign.slug}/cards/paper`, { signerName: 'X Y', worksiteId: person(5).worksiteId, jobTitle: 'Teacher', signedOn: '2099-01-01', cardTextVersion: 1, scan: { filename: 'a.png', contentType: 'image/png', dataBase64: 'aGVsbG8=' } });
    expect(future.statusCode).toBe(400);
    const badType = await agent.post(`/api/campaigns/${f.campaign.slug}/cards/paper`, { signerName: 'X Y', worksiteId: person(5).worksiteId, jobTitle: 'Teacher', signedOn: '2015-01-01', cardTextVersion: 1, scan: { filename: 'a.exe', contentType: 'application/x-msdownload', dataBase64: 'aGVsbG8=' } });
    expect(badType.statusCode).toBe(400);
  });

  it('sends cards that match no one or several people to review, and an organizer resolves them (audited)', async () => {
    // Two people with the same name at the same school: name + school matches both.
    const twin = person(6);
    await db().update(people).set({ givenName: person(7).givenName, familyName: person(7).familyName }).where(eq(people.id, twin.id));
    await signByForm(t.agent(), path, { legal_name: `${person(7).givenName}   ${person(7).familyName}`, email: 'twin@mail.example', phone: '5550102030', worksite_id: twin.worksiteId, job_title: 'Teacher' });
    await signByForm(t.agent(), path, { legal_name: 'Nobody Onroster', email: 'nobody@mail.example', phone: '5550102030', worksite_id: twin.worksiteId, job_title: 'Teacher' });

    const { agent, account } = await loggedIn('organizer');
    const reviewRes = await agent.get(`/api/campaigns/${f.campaign.slug}/cards/review`);
    expect(reviewRes.statusCode, reviewRes.body).toBe(200);
    const review = reviewRes.json() as { cards: { id: string; email: string; match: { status: string }; candidates: { personId: string; reason: string }[] }[] };
    const ambiguous = review.cards.find((c) => c.email === 'twin@mail.example')!;
    const unmatched = review.cards.find((c) => c.email === 'nobody@mail.example')!;
    expect(ambiguous.match.status).toBe('ambiguous');
    // The two people name + school found come first; similar names follow as suggestions.
    const exact = (c: (typeof review.cards)[number]) => c.candidates.filter((x) => x.reason !== 'similar_name').map((x) => x.personId);
    expect(exact(ambiguous).sort()).toEqual([twin.id, person(7).id].sort());
    expect(ambiguous.candidates.slice(0, 2).map((c) => c.reason)).toEqual(['name_school', 'name_school']);
    expect(unmatched.match.status).toBe('unmatched');
    expect(exact(unmatched)).toEqual([]);

    const res = await agent.post(`/api/campaigns/${f.campaign.slug}/cards/${ambiguous.id}/match`, { personId: person(7).id });
    expect(res.statusCode).toBe(200);
    const [resolved] = await openCards(t.services, await db().select().from(cards).where(eq(cards.id, ambiguous.id)));
    expect(resolved).toMatchObject({ personId: person(7).id, matchStatus: 'resolved', matchMethod: 'manual' });
    expect(hashCard(cardContentOf(resolved!))).toBe(resolved!.contentHash);
    const events = await t.services.repositories.audit.list({ actorAccountId: account.id, action: 'card.match_resolved', limit: 10 });
    expect(events[0]!.details).toMatchObject({ personId: person(7).id, previousStatus: 'ambiguous' });

    const stranger = await createCampaign(db(), { sites: 1, perSite: 1 });
    const wrong = await agent.post(`/api/campaigns/${f.campaign.slug}/cards/${unmatched.id}/match`, { personId: stranger.people[0]!.id });
    expect(wrong.statusCode).toBe(400);
    const after = (await agent.get(`/api/campaigns/${f.campaign.slug}/cards/review`)).json() as { cards: { id: string }[] };
    expect(after.cards.map((c) => c.id)).toEqual([unmatched.id]);
  });

  it('versions the card text; only admins add a version, and signers see it once an organizer approved it', async () => {
    const organizer = await loggedIn('organizer');
    expect((await organizer.agent.post(`/api/campaigns/${f.campaign.slug}/card-texts`, { title: 'v2', body: 'A new text for {employer} that is long enough.' })).statusCode).toBe(403);
    const admin = await loggedIn('admin');
    const res = await admin.agent.post(`/api/campaigns/${f.campaign.slug}/card-texts`, { title: 'Card v2', body: 'I want {employer} to recognize our union, version two.' });
    expect(res.statusCode).toBe(201);
    const created = (res.json() as { cardText: { id: string; version: number; language: string; approvedAt: string | null } }).cardText;
    expect(created).toMatchObject({ version: 2, language: 'en', approvedAt: null });
    // Not approved yet: signers still read version 1.
    expect(versionFrom((await t.agent().get(path)).body)).toBe('1');
    const viewer = await loggedIn('viewer');
    expect((await viewer.agent.post(`/api/campaigns/${f.campaign.slug}/card-texts/${created.id}/approve`)).statusCode).toBe(403);
    const approved = await organizer.agent.post(`/api/campaigns/${f.campaign.slug}/card-texts/${created.id}/approve`);
    expect(approved.statusCode).toBe(200);
    expect((approved.json() as { cardText: { approvedAt: string | null } }).cardText.approvedAt).not.toBeNull();
    expect((await organizer.agent.post(`/api/campaigns/${f.campaign.slug}/card-texts/${created.id}/approve`)).statusCode).toBe(409);
    expect(await auditActions(organizer.account.id)).toContain('card_text.approved');
    const page = await t.agent().get(path);
    expect(versionFrom(page.body)).toBe('2');
    expect(page.body).toContain('to recognize our union, version two');
  });
});
