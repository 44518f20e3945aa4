import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cardConfirmations, cardDismissals, cardRevocations, cards, cardVerifications, mailMessages } from '../../src/db/schema/index.js';
import { sealCardNotes } from '../../src/domain/admin/seal-card-notes.js';
import { systemRequester } from '../../src/domain/commands/requester.js';
import { addCardText, confirmationPathFrom, csrfFrom, insertCard, versionFrom } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { openCards, openMail } from '../support/opened-rows.js';
import { columnOf, pgDump, tablesHolding, tablesOf } from '../support/pg-dump.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Decision 0046: what organizers write about a card, the addresses signers used, and the card rows
// of the audit log are sealed like the card itself. The attacker of issue 11 holds a pg_dump and
// the roster (and the employer's own network logs), not the key.

let t: TestApp;
let f: CampaignFixture;
let organizer: Agent;
const stamp = Date.now();
const SIGNED_FROM = '198.51.100.23';
const ANSWERED_FROM = '198.51.100.87';

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-05-20T19:00:00Z');
  f = await createCampaign(t.database.db, { sites: 2, perSite: 5 });
  await addCardText(t.database.db, f.campaign.id);
  const account = await createMember(t.database.db, f, 'organizer');
  organizer = t.agent();
  await organizer.login(account.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const db = () => t.database.db;
const api = () => `/api/campaigns/${f.campaign.slug}`;
const formPath = () => `/c/${f.campaign.slug}/card`;
type Card = {
  revocationReason: string | null;
  ip: string | null;
  signerAnswer: { note: string } | null;
  verification: { note: string } | null;
  dismissal: { reason: string } | null;
};
/** What PostgreSQL said when it refused a statement (drizzle wraps it), or 'accepted'. */
async function refusal(query: PromiseLike<unknown>): Promise<string> {
  try {
    await query;
    return 'accepted';
  } catch (error) {
    return (error as { cause?: { message?: string } }).cause?.message ?? String(error);
  }
}
const viewCard = async (id: string): Promise<Card> => ((await organizer.get(`${api()}/cards/${id}`)).json() as { card: Card }).card;

/** The public form, as a browser with JavaScript off sends it, from one network address. */
async function signFrom(ip: string, name: string, worksiteId: string, email: string): Promise<string> {
  const agent = t.agent();
  const page = await agent.get(formPath());
  const body = new URLSearchParams({
    _csrf: csrfFrom(page.body),
    card_text_version: versionFrom(page.body),
    agree: 'yes',
    signature: name,
    website: '',
    legal_name: name,
    email,
    phone: '(323) 555-0142',
    worksite_id: worksiteId,
    job_title: 'Teacher',
  });
  const res = await agent.request({ method: 'POST', url: formPath(), payload: body.toString(), remoteAddress: ip, headers: { 'content-type': 'application/x-www-form-urlencoded' }, withCsrf: false });
  expect(res.statusCode, res.body).toBe(200);
  const stored = (await openCards(t.services, await db().select().from(cards).where(eq(cards.campaignId, f.campaign.id)))).find((c) => c.email === email);
  return stored!.id;
}

describe('organizers’ notes on cards and signers’ addresses, against a stolen dump', () => {
  it('notes, reasons and addresses written through the app: sealed in the dump, opened on the organizers’ screens; no card audit row names a person or an address in clear', async () => {
    const [a, b, c] = [f.people[0]!, f.people[1]!, f.people[6]!];
    const notes = {
      verification: `Met her at the gate ${stamp}`,
      reply: `Replied yes by text ${stamp}`,
      revocation: `Took it back after the principal's meeting ${stamp}`,
      dismissal: `Nobody by this name works there ${stamp}`,
    };

    // A: signed from one address, answered by the link from another, verified with a note.
    const cardA = await signFrom(SIGNED_FROM, `${a.givenName} ${a.familyName}`, a.worksiteId, `a${stamp}@mail.example`);
    const [stored] = await openCards(t.services, await db().select().from(cards).where(eq(cards.id, cardA)));
    const [mail] = await openMail(t.services, await db().select().from(mailMessages).where(eq(mailMessages.id, stored!.confirmationMailId!)));
    const link = confirmationPathFrom(mail!.textBody);
    const visitor = t.agent();
    const page = await visitor.get(link);
    const answered = await visitor.request({
      method: 'POST',
      url: link,
      remoteAddress: ANSWERED_FROM,
      payload: new URLSearchParams({ _csrf: csrfFrom(page.body), answer: 'signed' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      withCsrf: false,
    });
    expect(answered.statusCode).toBe(200);
    expect((await organizer.post(`${api()}/cards/${cardA}/verification`, { method: 'in_person', note: notes.verification })).statusCode).toBe(200);

    // B: a reply recorded with a note, verified, then revoked with a reason.
    const cardB = await signFrom(SIGNED_FROM, `${b.givenName} ${b.familyName}`, b.worksiteId, `b${stamp}@mail.example`);
    expect((await organizer.post(`${api()}/cards/${cardB}/answer`, { answer: 'signed', note: notes.reply })).statusCode).toBe(200);
    expect((await organizer.post(`${api()}/cards/${cardB}/verification`, { method: 'phone' })).statusCode).toBe(200);
    expect((await organizer.post(`${api()}/cards/${cardB}/revoke`, { reason: notes.revocation })).statusCode).toBe(201);

    // C: a name on no roster, matched by hand to a roster person (audited with the person), and D dismissed.
    const cardC = await signFrom(SIGNED_FROM, `Zed Nobody${stamp}`, c.worksiteId, `c${stamp}@mail.example`);
    expect((await organizer.post(`${api()}/cards/${cardC}/match`, { personId: c.id })).statusCode).toBe(200);
    const cardD = await signFrom(SIGNED_FROM, `Ghost Writer${stamp}`, c.worksiteId, `d${stamp}@mail.example`);
    expect((await organizer.post(`${api()}/cards/${cardD}/dismiss`, { reason: notes.dismissal })).statusCode).toBe(200);

    // The organizers read everything back.
    expect(await viewCard(cardA)).toMatchObject({ ip: SIGNED_FROM, verification: { note: notes.verification } });
    expect(await viewCard(cardB)).toMatchObject({ revocationReason: notes.revocation, signerAnswer: { note: notes.reply } });
    expect(await viewCard(cardD)).toMatchObject({ dismissal: { reason: notes.dismissal } });
    const log = await t.services.repositories.audit.list({ campaignId: f.campaign.id, limit: 100 });
    expect(log.find((e) => e.action === 'card.submitted' && e.subjectId === cardA)?.ip).toBe(SIGNED_FROM);
    expect(log.find((e) => e.action === 'card.confirmed' && e.subjectId === cardA)?.ip).toBe(ANSWERED_FROM);
    expect(log.find((e) => e.action === 'card.dismissed')?.details).toMatchObject({ reason: notes.dismissal });
    expect(log.find((e) => e.action === 'card.match_resolved')?.details).toMatchObject({ personId: c.id });

    const dump = await pgDump(t.database);
    for (const note of Object.values(notes)) expect(dump).not.toContain(note);
    // Not in the open rate-limit windows either: they name the client by a keyed hash.
    expect(dump).not.toContain(SIGNED_FROM);
    expect(dump).not.toContain(ANSWERED_FROM);
    const tables = tablesOf(dump);
    // Every note column holds ciphertext; the answer by link holds a sealed address.
    for (const [table, column] of [
      ['card_verifications', 'note'],
      ['card_confirmations', 'note'],
      ['card_confirmations', 'ip'],
      ['card_revocations', 'reason'],
      ['card_dismissals', 'reason'],
    ] as const) {
      const values = columnOf(tables.get(table)!, column).filter((v) => v !== '\\N');
      expect(values.length, `${table}.${column}`).toBeGreaterThan(0);
      for (const v of values) expect(v.startsWith('uh1.'), `${table}.${column}`).toBe(true);
    }
    // The signers' and the hand-matched person's ids are in the roster and nowhere else: not beside
    // a card, not in any audit row.
    for (const person of [a, b, c]) expect(tablesHolding(tables, person.id)).toEqual(['employments', 'people']);
    const audit = tables.get('audit_events')!;
    const subjectTypes = columnOf(audit, 'subject_type');
    const addresses = columnOf(audit, 'ip').filter((_, i) => subjectTypes[i] === 'card');
    expect(addresses.length).toBeGreaterThan(4);
    for (const ip of addresses) expect(ip === '\\N' || ip.startsWith('uh1.')).toBe(true);
  });

  it('rows written in clear before: sealed at start-up by sealCardNotes (audited, once), and the guards allow nothing else', async () => {
    const [text] = await db().select({ id: cards.cardTextId }).from(cards).limit(1);
    const person = f.people[8]!;
    const card = await insertCard(db(), { campaignId: f.campaign.id, cardTextId: text!.id, worksiteId: person.worksiteId, personId: person.id, signedOn: '2015-05-02', verified: false });
    const stranger = await insertCard(db(), { campaignId: f.campaign.id, cardTextId: text!.id, worksiteId: person.worksiteId, personId: null, signedOn: '2015-05-02' });
    const old = { verification: `Old verification ${stamp}`, reply: `Old reply ${stamp}`, revocation: `Old revocation ${stamp}`, dismissal: `Old dismissal ${stamp}` };
    // As an older version wrote them: every note in clear, the card's audit row with the person and address in clear.
    await db().insert(cardConfirmations).values({ cardId: card.id, campaignId: f.campaign.id, answer: 'signed', method: 'link', note: old.reply, ip: '192.0.2.41' });
    await db().execute(sql`insert into card_verifications (card_id, campaign_id, person_key, person_ref, method, note)
      select ${card.id}::uuid, ${f.campaign.id}::uuid, person_key, person_ref, 'in_person', ${old.verification} from cards where id = ${card.id}::uuid`);
    await db().insert(cardRevocations).values({ cardId: card.id, campaignId: f.campaign.id, effectiveOn: '2015-05-10', reason: old.revocation });
    await db().insert(cardDismissals).values({ cardId: stranger.id, campaignId: f.campaign.id, reason: old.dismissal });
    await db().insert(auditEvents).values({ campaignId: f.campaign.id, action: 'card.verified', subjectType: 'card', subjectId: card.id, ip: '192.0.2.41', details: { method: 'in_person', personId: person.id, previousPersonId: null } });
    const before = tablesOf(await pgDump(t.database));
    expect(tablesHolding(before, old.revocation)).toEqual(['card_revocations']);
    expect(tablesHolding(before, person.id).sort()).toEqual(['audit_events', 'employments', 'people']);

    const first = await t.services.execute(sealCardNotes, systemRequester('system'), {});
    expect(first).toEqual({ notes: 4, auditRows: 1 });
    expect(await t.services.execute(sealCardNotes, systemRequester('system'), {})).toEqual({ notes: 0, auditRows: 0 });
    expect(await db().select().from(auditEvents).where(eq(auditEvents.action, 'cards.notes_sealed'))).toHaveLength(1);

    const dump = await pgDump(t.database);
    for (const note of Object.values(old)) expect(dump).not.toContain(note);
    expect(dump).not.toContain('192.0.2.41');
    expect(tablesHolding(tablesOf(dump), person.id)).toEqual(['employments', 'people']);

    // The screens read them as before.
    expect(await viewCard(card.id)).toMatchObject({ revocationReason: old.revocation, signerAnswer: { note: old.reply }, verification: { note: old.verification } });
    expect(await viewCard(stranger.id)).toMatchObject({ dismissal: { reason: old.dismissal } });
    const log = await t.services.repositories.audit.list({ campaignId: f.campaign.id, action: 'card.verified', limit: 100 });
    expect(log.find((e) => e.subjectId === card.id)).toMatchObject({ ip: '192.0.2.41', details: { personId: person.id } });

    // Sealing is the one change the guards allow: no clear value written back, nothing else moved.
    expect(await refusal(db().update(cardRevocations).set({ reason: 'rewritten' }).where(eq(cardRevocations.cardId, card.id)))).toMatch(/append-only/);
    expect(await refusal(db().update(cardVerifications).set({ note: 'rewritten' }).where(eq(cardVerifications.cardId, card.id)))).toMatch(/append-only/);
    expect(await refusal(db().update(cardDismissals).set({ reason: 'rewritten' }).where(eq(cardDismissals.cardId, stranger.id)))).toMatch(/append-only/);
    const sealedReason = (await t.services.keyring.cipher()).encryptText('a different reason');
    expect(await refusal(db().update(cardConfirmations).set({ note: sealedReason, answer: 'not_signed' }).where(eq(cardConfirmations.cardId, card.id)))).toMatch(/append-only/);
    expect(await refusal(db().update(auditEvents).set({ action: 'card.dismissed' }).where(and(eq(auditEvents.subjectId, card.id), eq(auditEvents.action, 'card.verified'))))).toMatch(/append-only/);
    expect(await refusal(db().update(auditEvents).set({ ip: sealedReason }).where(eq(auditEvents.action, 'cards.notes_sealed')))).toMatch(/append-only/);
  });
});
