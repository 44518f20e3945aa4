import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cardConfirmations, cardDismissals, cards, cardVerifications, employers, mailMessages, people } from '../../src/db/schema/index.js';
import { addCardText, answerByLink, confirmationPathFrom, csrfFrom, setPersonalEmail, signByForm } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { keyedLink, linkedPerson } from '../support/keyrings.js';
import { openCards, openMail } from '../support/opened-rows.js';

// Each state change of a card (decision 0023): submitted → confirmed by the signer (link or
// reply) → verified (automatically from a personal contact on file, or by an organizer or committee
// member saying how), and the ways out: disputed by the signer, dismissed by an organizer.

let t: TestApp;
let f: CampaignFixture;
let path: string;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-05-20T19:00:00Z');
  f = await createCampaign(t.database.db, { sites: 2, perSite: 4 });
  await addCardText(t.database.db, f.campaign.id);
  path = `/c/${f.campaign.slug}/card`;
});
afterAll(async () => t.close());

const db = () => t.database.db;
const person = (i: number) => f.people[i]!;
const api = () => `/api/campaigns/${f.campaign.slug}`;

async function loggedIn(role: 'admin' | 'organizer' | 'committee' | 'viewer', worksiteIds?: string[]) {
  const account = await createMember(db(), f, role, worksiteIds);
  const agent = t.agent();
  await agent.login(account.email, TEST_PASSWORD);
  return { agent, account };
}

/** Signs on the public form as roster person `i` with `email`; returns the stored card and its confirmation link. */
async function sign(i: number, email: string, name = `${person(i).givenName} ${person(i).familyName}`) {
  const res = await signByForm(t.agent(), path, { legal_name: name, email, phone: '(323) 555-0142', worksite_id: person(i).worksiteId, job_title: 'Teacher' });
  expect(res.statusCode).toBe(200);
  // Contact fields and mail are sealed at rest (decision 0025): open the rows, then look.
  const card = (await openCards(t.services, await db().select().from(cards).where(eq(cards.campaignId, f.campaign.id)))).find((c) => c.email === email);
  const [mail] = await openMail(t.services, await db().select().from(mailMessages).where(eq(mailMessages.id, card!.confirmationMailId!)));
  return { card: card!, link: confirmationPathFrom(mail!.textBody), mail: mail! };
}

type Summary = { id: string; state: string; needs: string[]; signerAnswer: { answer: string; method: string } | null; verification: { method: string; personId: string } | null };
type Waiting = { submitted: Summary[]; confirmed: Summary[]; disputed: Summary[] };

const validCards = async (agent: Awaited<ReturnType<typeof loggedIn>>['agent']) =>
  ((await agent.get(`${api()}/majority`)).json() as { units: { validCards: number }[] }).units[0]!.validCards;

describe('a card from submitted to verified', () => {
  it('is submitted when signed: listed apart, with what it needs, and counted nowhere', async () => {
    const { agent, account } = await loggedIn('organizer');
    const { card, mail } = await sign(0, 'first@mail.example');
    expect(mail.textBody).toContain('Yes, I signed this card');
    const waiting = (await agent.get(`${api()}/cards/waiting`)).json() as Waiting;
    const listed = waiting.submitted.find((c) => c.id === card.id);
    expect(listed).toMatchObject({ state: 'submitted', needs: ['signer_answer', 'verification'], signerAnswer: null, verification: null });
    expect(waiting.confirmed.map((c) => c.id)).not.toContain(card.id);
    expect(await validCards(agent)).toBe(0);
    const actions = (await db().select().from(auditEvents).where(eq(auditEvents.actorAccountId, account.id))).map((e) => e.action);
    expect(actions).toContain('cards.list_viewed');
    const [submitted] = await db().select().from(auditEvents).where(and(eq(auditEvents.subjectId, card.id), eq(auditEvents.action, 'card.submitted')));
    expect(submitted).toMatchObject({ actorAccountId: null, campaignId: f.campaign.id });
  });

  it('opening the confirmation link records nothing; answering "yes" makes it confirmed, once', async () => {
    const { agent } = await loggedIn('organizer');
    const { card, link } = await sign(1, 'second@mail.example');
    const visitor = t.agent();
    const page = await visitor.get(link);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Did you sign this card?');
    expect(page.body).toContain(card.signerName);
    expect(page.body).not.toMatch(/<script|style=/i);
    expect(await db().select().from(cardConfirmations).where(eq(cardConfirmations.cardId, card.id))).toHaveLength(0);

    const yes = await answerByLink(visitor, link, 'signed');
    expect(yes.statusCode).toBe(200);
    expect(yes.body).toContain('you signed this card');
    const [answer] = await db().select().from(cardConfirmations).where(eq(cardConfirmations.cardId, card.id));
    expect(answer).toMatchObject({ answer: 'signed', method: 'link', recordedBy: null });
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.subjectId, card.id), eq(auditEvents.action, 'card.confirmed')));
    expect(audit!.details).toMatchObject({ answer: 'signed', method: 'link' });

    // The address is not a personal email on file: it waits for a person to verify it.
    const waiting = (await agent.get(`${api()}/cards/waiting`)).json() as Waiting;
    expect(waiting.confirmed.find((c) => c.id === card.id)).toMatchObject({ state: 'confirmed', needs: ['verification'], signerAnswer: { answer: 'signed', method: 'link' } });
    expect(await validCards(agent)).toBe(0);

    // The link now says what is on record; a second answer changes nothing: the first one stands.
    expect((await t.agent().get(link)).body).toContain('you signed this card');
    const late = t.agent();
    const form = await late.get(path);
    const no = await late.request({ method: 'POST', url: link, payload: new URLSearchParams({ _csrf: csrfFrom(form.body), answer: 'not_signed' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
    expect(no.statusCode).toBe(200);
    expect(no.body).toContain('you signed this card');
    expect(await db().select().from(cardConfirmations).where(eq(cardConfirmations.cardId, card.id))).toHaveLength(1);
  });

  it('is verified automatically when the signer answers from the personal email on file for them', async () => {
    const { agent } = await loggedIn('organizer');
    await setPersonalEmail(db(), person(2).id, 'Known.Personal@mail.example');
    const { card, link } = await sign(2, 'known.personal@mail.example');
    expect(await validCards(agent)).toBe(0);
    await answerByLink(t.agent(), link, 'signed');
    const [verification] = await db().select().from(cardVerifications).where(eq(cardVerifications.cardId, card.id));
    expect(verification).toMatchObject({ legacyPersonId: null, method: 'personal_contact_on_file', verifiedBy: null });
    expect(await linkedPerson(db(), verification!)).toBe(person(2).id);
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.subjectId, card.id), eq(auditEvents.action, 'card.verified')));
    expect(audit!.details).toMatchObject({ method: 'personal_contact_on_file', automatic: true });
    expect(await validCards(agent)).toBe(1);
  });

  it('an organizer verifies a confirmed card, saying how; it then counts and its match no longer moves', async () => {
    const { agent, account } = await loggedIn('organizer');
    const { card, link } = await sign(3, 'third@mail.example');
    await answerByLink(t.agent(), link, 'signed');
    const before = await validCards(agent);
    expect((await agent.post(`${api()}/cards/${card.id}/verification`, { method: 'telepathy' })).statusCode).toBe(400);
    const res = await agent.post(`${api()}/cards/${card.id}/verification`, { method: 'in_person', note: 'Met at the school gate.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ cardId: card.id, state: 'verified', personId: person(3).id, method: 'in_person' });
    expect(await validCards(agent)).toBe(before + 1);
    // The person a card was verified as is sealed in the audit row (decision 0028); the log opens it.
    const [stored] = await db().select().from(auditEvents).where(and(eq(auditEvents.actorAccountId, account.id), eq(auditEvents.action, 'card.verified')));
    expect(JSON.stringify(stored!.details)).not.toContain(person(3).id);
    const [audit] = await t.services.repositories.audit.list({ actorAccountId: account.id, action: 'card.verified', limit: 5 });
    expect(audit!.details).toMatchObject({ method: 'in_person', personId: person(3).id, automatic: false });
    const detail = (await agent.get(`${api()}/cards/${card.id}`)).json() as { card: Summary & { verification: { verifiedBy: string; note: string } } };
    expect(detail.card).toMatchObject({ state: 'verified', needs: [], verification: { method: 'in_person', note: 'Met at the school gate.' } });

    expect((await agent.post(`${api()}/cards/${card.id}/verification`, { method: 'phone' })).statusCode).toBe(409);
    expect((await agent.post(`${api()}/cards/${card.id}/match`, { personId: person(0).id })).statusCode).toBe(409);
    expect((await agent.post(`${api()}/cards/${card.id}/dismiss`, { reason: 'x' })).statusCode).toBe(409);
    // Even in SQL, the match of a verified card is fixed.
    await expect(db().update(cards).set(await keyedLink(db(), person(0).id)).where(eq(cards.id, card.id))).rejects.toThrow();
    // Nor can anyone write the link in clear (decision 0028).
    await expect(db().update(cards).set({ legacyPersonId: person(3).id }).where(eq(cards.id, card.id))).rejects.toMatchObject({ cause: { message: expect.stringMatching(/keyed/) } });
  });

  it('records a reply as the signer’s answer (organizers and committee members at the school)', async () => {
    const committee = await loggedIn('committee', [f.sites[0]!.id]);
    const { card } = await sign(0, 'replied@mail.example');
    const res = await committee.agent.post(`${api()}/cards/${card.id}/answer`, { answer: 'signed', note: 'Replied “yes” on May 21.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ cardId: card.id, state: 'confirmed' });
    expect((await committee.agent.post(`${api()}/cards/${card.id}/answer`, { answer: 'signed' })).statusCode).toBe(409);
    const [answer] = await db().select().from(cardConfirmations).where(eq(cardConfirmations.cardId, card.id));
    expect(answer).toMatchObject({ method: 'reply', recordedBy: committee.account.id });
    // The note is sealed at rest (decision 0046); the key opens it.
    expect(answer!.note.startsWith('uh1.')).toBe(true);
    expect((await t.services.keyring.cipher()).decryptText(answer!.note)).toBe('Replied “yes” on May 21.');
    // The committee member verifies it by phone, at their own school.
    const verified = await committee.agent.post(`${api()}/cards/${card.id}/verification`, { method: 'phone' });
    expect(verified.statusCode, verified.body).toBe(200);
  });

  it('committee members verify only at their schools; viewers never', async () => {
    const committee = await loggedIn('committee', [f.sites[0]!.id]);
    const { card: elsewhere } = await sign(5, 'elsewhere@mail.example');
    expect((await committee.agent.post(`${api()}/cards/${elsewhere.id}/verification`, { method: 'in_person' })).statusCode).toBe(404);
    // A card at their school, but naming someone who works elsewhere.
    const { card: here } = await sign(1, 'here@mail.example', 'Someone Unknown');
    expect((await committee.agent.post(`${api()}/cards/${here.id}/verification`, { method: 'in_person', personId: person(5).id })).statusCode).toBe(403);
    const viewer = await loggedIn('viewer');
    expect((await viewer.agent.post(`${api()}/cards/${here.id}/verification`, { method: 'in_person' })).statusCode).toBe(403);
    expect((await viewer.agent.get(`${api()}/cards/waiting`)).statusCode).toBe(403);
    expect(await db().select().from(cardVerifications).where(eq(cardVerifications.cardId, here.id))).toHaveLength(0);
  });

  it('a card that matches no one needs a person named before it can be verified', async () => {
    const { agent } = await loggedIn('organizer');
    const { card } = await sign(4, 'stranger@mail.example', 'Nobody Onroster');
    const waiting = (await agent.get(`${api()}/cards/waiting`)).json() as Waiting;
    expect(waiting.submitted.find((c) => c.id === card.id)?.needs).toEqual(['signer_answer', 'roster_match', 'verification']);
    const refused = await agent.post(`${api()}/cards/${card.id}/verification`, { method: 'in_person' });
    expect(refused.statusCode).toBe(400);
    expect(JSON.stringify(refused.json())).toContain('personId');
    const res = await agent.post(`${api()}/cards/${card.id}/verification`, { method: 'known_personal_email', personId: person(4).id });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await openCards(t.services, await db().select().from(cards).where(eq(cards.id, card.id)));
    expect(row).toMatchObject({ personId: person(4).id, matchStatus: 'resolved', matchMethod: 'manual' });
  });
});

describe('the ways out', () => {
  it('"I did not sign this card": disputed, never counted, never verified, even if verified before', async () => {
    const { agent } = await loggedIn('organizer');
    const { card, link } = await sign(6, 'disputed@mail.example');
    const no = await answerByLink(t.agent(), link, 'not_signed');
    expect(no.body).toContain('you did not sign this card');
    const waiting = (await agent.get(`${api()}/cards/waiting`)).json() as Waiting;
    expect(waiting.disputed.find((c) => c.id === card.id)).toMatchObject({ state: 'disputed', needs: [] });
    expect((await agent.post(`${api()}/cards/${card.id}/verification`, { method: 'in_person' })).statusCode).toBe(409);

    // A paper card verified at entry whose contact then says "not me" stops counting.
    const admin = await loggedIn('admin');
    const before = await validCards(agent);
    const paper = await admin.agent.post(`${api()}/cards/paper`, {
      signerName: `${person(7).givenName} ${person(7).familyName}`,
      email: 'paper.contact@mail.example',
      worksiteId: person(7).worksiteId,
      jobTitle: 'Teacher',
      personId: person(7).id,
      signedOn: '2015-05-19',
      cardTextVersion: 1,
      scan: { filename: 'card.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4 paper').toString('base64') },
    });
    expect(paper.statusCode, paper.body).toBe(201);
    const paperId = (paper.json() as { card: { id: string; state: string } }).card.id;
    expect(await validCards(agent)).toBe(before + 1);
    const [paperMail] = (await openMail(t.services, await db().select().from(mailMessages))).filter((m) => m.toAddress === 'paper.contact@mail.example');
    await answerByLink(t.agent(), confirmationPathFrom(paperMail!.textBody), 'not_signed');
    expect(await validCards(agent)).toBe(before);
    const detail = (await agent.get(`${api()}/cards/${paperId}`)).json() as { card: Summary };
    expect(detail.card.state).toBe('disputed');
  });

  it('an organizer dismisses a card as not a roster person, with the reason (audited); it leaves the queues', async () => {
    const { agent, account } = await loggedIn('organizer');
    const { card } = await sign(5, 'prank@mail.example', 'Mickey Mouse');
    const committee = await loggedIn('committee', [f.sites[1]!.id]);
    expect((await committee.agent.post(`${api()}/cards/${card.id}/dismiss`, { reason: 'x' })).statusCode).toBe(403);
    expect((await agent.post(`${api()}/cards/${card.id}/dismiss`, { reason: '' })).statusCode).toBe(400);
    const res = await agent.post(`${api()}/cards/${card.id}/dismiss`, { reason: 'Not on the staff list; no one knows this person.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ cardId: card.id, state: 'dismissed' });
    const [dismissal] = await db().select().from(cardDismissals).where(eq(cardDismissals.cardId, card.id));
    expect(dismissal).toMatchObject({ dismissedBy: account.id });
    // The reason is sealed at rest, in the dismissal and in its audit row (decision 0046).
    const cipher = await t.services.keyring.cipher();
    expect(cipher.decryptText(dismissal!.reason)).toBe('Not on the staff list; no one knows this person.');
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.actorAccountId, account.id), eq(auditEvents.action, 'card.dismissed')));
    expect(audit!.details).toMatchObject({ previousStatus: 'unmatched' });
    expect(cipher.decryptText(String(audit!.details.reason))).toBe('Not on the staff list; no one knows this person.');
    const review = (await agent.get(`${api()}/cards/review`)).json() as { cards: { id: string }[] };
    expect(review.cards.map((c) => c.id)).not.toContain(card.id);
    const waiting = (await agent.get(`${api()}/cards/waiting`)).json() as Waiting;
    expect([...waiting.submitted, ...waiting.confirmed].map((c) => c.id)).not.toContain(card.id);
    expect((await agent.post(`${api()}/cards/${card.id}/dismiss`, { reason: 'again' })).statusCode).toBe(409);
    expect((await agent.post(`${api()}/cards/${card.id}/verification`, { method: 'in_person', personId: person(5).id })).statusCode).toBe(409);
    const dismissedList = (await agent.get(`${api()}/cards?state=dismissed`)).json() as { cards: Summary[] };
    expect(dismissedList.cards.map((c) => c.id)).toEqual([card.id]);
  });

  it('a link that names no card gets one page, whatever it was', async () => {
    const made = await t.agent().get(`/c/${f.campaign.slug}/card/confirm/${'A'.repeat(43)}`);
    const junk = await t.agent().get(`/c/${f.campaign.slug}/card/confirm/not-a-token`);
    expect(made.statusCode).toBe(404);
    expect(junk.statusCode).toBe(404);
    // The same page (the language switch links back to the address asked for).
    expect(made.body.replaceAll('A'.repeat(43), '…')).toBe(junk.body.replaceAll('not-a-token', '…'));
    const page = await t.agent().get(path);
    const post = await t.agent().request({ method: 'POST', url: `/c/${f.campaign.slug}/card/confirm/${'A'.repeat(43)}`, payload: new URLSearchParams({ _csrf: csrfFrom(page.body), answer: 'signed' }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
    expect([403, 404]).toContain(post.statusCode);
  });
});

describe('personal contact only', () => {
  it('refuses an email at a domain marked as the employer’s, kindly, in English and Spanish, and records nothing', async () => {
    const admin = await loggedIn('admin');
    const list = (await admin.agent.get(`${api()}/employers`)).json() as { employers: { id: string; name: string; emailDomains: string[] }[] };
    expect(list.employers).toHaveLength(2);
    const bad = await admin.agent.put(`${api()}/employers/${list.employers[0]!.id}/email-domains`, { emailDomains: ['not a domain'] });
    expect(bad.statusCode).toBe(400);
    const set = await admin.agent.put(`${api()}/employers/${list.employers[0]!.id}/email-domains`, { emailDomains: ['@District.Example', 'district.example'] });
    expect(set.statusCode, set.body).toBe(200);
    expect((set.json() as { employer: { emailDomains: string[] } }).employer.emailDomains).toEqual(['district.example']);
    const viewer = await loggedIn('viewer');
    expect((await viewer.agent.put(`${api()}/employers/${list.employers[0]!.id}/email-domains`, { emailDomains: [] })).statusCode).toBe(403);

    const before = (await db().select().from(cards).where(eq(cards.campaignId, f.campaign.id))).length;
    const fields = { legal_name: `${person(0).givenName} ${person(0).familyName}`, phone: '(323) 555-0142', worksite_id: person(0).worksiteId, job_title: 'Teacher' };
    const en = await signByForm(t.agent(), path, { ...fields, email: 'teacher@district.example' });
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('Use a personal email: your employer can read this one.');
    const sub = await signByForm(t.agent(), path, { ...fields, email: 'teacher@staff.District.example' });
    expect(sub.body).toContain('Use a personal email: your employer can read this one.');
    const spanish = t.agent();
    await spanish.get(`${path}?lang=es`);
    const es = await signByForm(spanish, path, { ...fields, email: 'teacher@district.example' });
    expect(es.statusCode).toBe(400);
    expect(es.body).toContain('Use un correo personal: su empleador puede leer este.');
    // A look-alike domain is someone else's.
    expect((await signByForm(t.agent(), path, { ...fields, email: 'teacher@notdistrict.example' })).statusCode).toBe(200);
    expect((await db().select().from(cards).where(eq(cards.campaignId, f.campaign.id))).length).toBe(before + 1);
    expect((await openMail(t.services, await db().select().from(mailMessages))).filter((m) => m.toAddress === 'teacher@district.example')).toHaveLength(0);

    // The same for a paper card's contact.
    const paper = await admin.agent.post(`${api()}/cards/paper`, {
      signerName: 'Paper Person',
      email: 'paper@district.example',
      worksiteId: person(0).worksiteId,
      jobTitle: 'Teacher',
      signedOn: '2015-05-19',
      cardTextVersion: 1,
      scan: { filename: 'card.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.4 paper').toString('base64') },
    });
    expect(paper.statusCode).toBe(400);
    expect(JSON.stringify(paper.json())).toContain('use a personal email');
    const [employer] = await db().select().from(employers).where(eq(employers.id, list.employers[0]!.id));
    expect(employer!.emailDomains).toEqual(['district.example']);
  });
});

describe('matching that respects names', () => {
  it('matches accent-, case-, spacing- and order-blind: "Tomás Sandoval" finds "Sandoval, Tomas"', async () => {
    const g = await createCampaign(db(), { sites: 1, perSite: 3 });
    await addCardText(db(), g.campaign.id);
    const [tomas, maria] = g.people;
    await db().update(people).set({ givenName: 'Tomas', familyName: 'Sandoval' }).where(eq(people.id, tomas!.id));
    await db().update(people).set({ givenName: 'María José', familyName: 'De la Cruz' }).where(eq(people.id, maria!.id));
    const signAt = async (name: string, email: string, signature = name) => {
      const res = await signByForm(t.agent(), `/c/${g.campaign.slug}/card`, { legal_name: name, signature, email, phone: '5550102030', worksite_id: g.sites[0]!.id, job_title: 'Teacher' });
      expect(res.statusCode, name).toBe(200);
      // The email is sealed at rest: open the campaign's cards and find it among them.
      const card = (await openCards(t.services, await db().select().from(cards).where(eq(cards.campaignId, g.campaign.id)))).find((c) => c.email === email);
      return card!;
    };
    // The signature check accepts "Tomas" typed under "Tomás".
    const first = await signAt('Tomás Sandoval', 'tomas1@mail.example', 'tomas sandoval');
    expect(first).toMatchObject({ personId: tomas!.id, matchStatus: 'matched', matchMethod: 'name_school', signerName: 'Tomás Sandoval' });
    expect((await signAt('Sandoval, Tomás', 'tomas2@mail.example')).personId).toBe(tomas!.id);
    expect((await signAt('  TOMAS   SANDOVAL ', 'tomas3@mail.example')).personId).toBe(tomas!.id);
    expect((await signAt('Maria Jose Dela Cruz', 'maria@mail.example')).personId).toBe(maria!.id);
    expect((await signAt('Tomasa Sandoval', 'tomasa@mail.example')).personId).toBeNull();

    // The review queue suggests the likely person for a misspelled name.
    const organizer = await createMember(db(), g, 'organizer');
    const agent = t.agent();
    await agent.login(organizer.email, TEST_PASSWORD);
    await signAt('Tomás Sandobal', 'typo@mail.example');
    const review = (await agent.get(`/api/campaigns/${g.campaign.slug}/cards/review`)).json() as { cards: { email: string; candidates: { personId: string; reason: string; similarity: number }[] }[] };
    const typo = review.cards.find((c) => c.email === 'typo@mail.example')!;
    expect(typo.candidates[0]).toMatchObject({ personId: tomas!.id, reason: 'similar_name' });
    expect(typo.candidates[0]!.similarity).toBeGreaterThan(0.3);
  });
});
