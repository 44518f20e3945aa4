import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import yauzl from 'yauzl';
import { verifyCampaignCards } from '../../src/cli/verify-cards.js';
import { auditEvents, cards, employments, mailMessages } from '../../src/db/schema/index.js';
import { hashCard, type CardContent } from '../../src/domain/cards/card-hash.js';
import type { MajorityPage as Majority } from '../../src/contracts/majority.js';
import { asPacketFigures, type PacketFigures } from '../support/filing-figures.js';
import { addCardText, answerByLink, answerInDb, confirmationPathFrom, revokeCard, signByForm, verifyInDb } from '../support/card-fixtures.js';
import { createAccount, createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { pdfText } from '../support/pdf-text.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { keyedLink } from '../support/keyrings.js';
import { openMail } from '../support/opened-rows.js';

let t: TestApp;
const db = () => t.database.db;
const FILING = '2015-06-15';

type Signer = { name: string; email: string; phone: string };
const signers: Signer[] = [];

/**
 * A card with every element filled in (and a correct hash), as the public form would make it,
 * answered by its signer and (when it names a roster person) verified, unless told otherwise.
 */
async function signCard(f: CampaignFixture, textId: string, input: { personIndex: number | null; signedOn: string; worksiteIndex?: number; name?: string; verified?: boolean }) {
  const person = input.personIndex === null ? null : f.people[input.personIndex]!;
  const site = f.sites[input.worksiteIndex ?? 0]!;
  const n = signers.length + 1;
  const signer: Signer = { name: input.name ?? (person ? `${person.givenName} ${person.familyName}` : `Unknown Person${n}`), email: `signer${n}.${randomUUID().slice(0, 6)}@mail.example`, phone: `(213) 555-${String(1000 + n)}` };
  signers.push(signer);
  const content: CardContent = {
    id: randomUUID(),
    campaignId: f.campaign.id,
    cardTextId: textId,
    cardTextVersion: 1,
    cardText: `I, an employee of Employer ${(input.worksiteIndex ?? 0) + 1}, want a union.`,
    employerName: `Employer ${(input.worksiteIndex ?? 0) + 1}`,
    worksiteId: site.id,
    worksiteName: site.name,
    signerName: signer.name,
    email: signer.email,
    phone: signer.phone,
    jobTitle: 'Teacher',
    employeeId: null,
    signedOn: input.signedOn,
    signedAt: new Date(`${input.signedOn}T23:30:00Z`),
    source: 'electronic',
    typedSignature: signer.name,
    ip: '203.0.113.7',
    userAgent: 'test',
  };
  const [row] = await db()
    .insert(cards)
    .values({ ...content, contentHash: hashCard(content), ...(await keyedLink(db(), person?.id ?? null)), matchStatus: person ? 'matched' : 'unmatched', matchMethod: person ? 'email' : null, createdAt: new Date(`${input.signedOn}T23:30:01Z`) })
    .returning();
  await answerInDb(db(), row!);
  if (person && input.verified !== false) await verifyInDb(db(), row!, person.id, 'in_person');
  return row!;
}

async function login(f: CampaignFixture, role: 'admin' | 'organizer' | 'committee' | 'viewer'): Promise<Agent> {
  const account = await createMember(db(), f, role);
  const agent = t.agent();
  await agent.login(account.email, TEST_PASSWORD);
  return agent;
}

const download = (agent: Agent, f: CampaignFixture, body: Record<string, unknown>) => agent.post(`/api/campaigns/${f.campaign.slug}/filing-packets`, { unitId: f.unit.id, filingDate: FILING, copy: 'board', format: 'pdf', ...body });

function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const files = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.readEntry();
    });
  });
}

// One campaign with every case the rules name, shared by the tests below:
//  p0 valid; p1 two valid cards (the earlier counts); p2 expired; p3 revoked; p4 left the unit
//  before the filing date; a card matching no one; p6 signed after the filing date; p7 confirmed
//  by the signer but not verified.
let f: CampaignFixture;
let admin: Agent;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  f = await createCampaign(db(), { sites: 2, perSite: 5 });
  const text = await addCardText(db(), f.campaign.id);
  ids.p0 = (await signCard(f, text.id, { personIndex: 0, signedOn: '2015-05-01' })).id;
  ids.p1first = (await signCard(f, text.id, { personIndex: 1, signedOn: '2015-04-01' })).id;
  ids.p1again = (await signCard(f, text.id, { personIndex: 1, signedOn: '2015-05-10' })).id;
  ids.p2 = (await signCard(f, text.id, { personIndex: 2, signedOn: '2014-05-01' })).id;
  const revoked = await signCard(f, text.id, { personIndex: 3, signedOn: '2015-05-01' });
  ids.p3 = revoked.id;
  await revokeCard(db(), revoked, '2015-06-01');
  ids.p4 = (await signCard(f, text.id, { personIndex: 4, signedOn: '2015-05-01' })).id;
  await db().update(employments).set({ endDate: '2015-05-31' }).where(eq(employments.personId, f.people[4]!.id));
  ids.nobody = (await signCard(f, text.id, { personIndex: null, signedOn: '2015-05-05', name: 'Mystery Signer' })).id;
  ids.p5 = (await signCard(f, text.id, { personIndex: 5, signedOn: '2015-06-02', worksiteIndex: 1 })).id;
  ids.p6late = (await signCard(f, text.id, { personIndex: 6, signedOn: '2015-06-20', worksiteIndex: 1 })).id;
  ids.p7waiting = (await signCard(f, text.id, { personIndex: 7, signedOn: '2015-06-01', worksiteIndex: 1, verified: false })).id;
  admin = await login(f, 'admin');
});
afterAll(async () => t.close());

type Preview = {
  figures: PacketFigures;
  warnings: { code: string; message: string; cardRefs: string[] }[];
  exceptions: { ref: string; cardId: string; reason: string; detail: string; signerName: string }[];
  integrity: { checked: number; altered: number };
};

describe('filing packet: validity rules', () => {
  it('counts one valid card per person in the unit on the date, and lists every other card with its reason', async () => {
    const res = await admin.get(`/api/campaigns/${f.campaign.slug}/filing-packets/preview?unitId=${f.unit.id}&filingDate=${FILING}`);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as Preview;
    // 10 people, p4 left on 2015-05-31: 9 eligible; p0, p1 and p5 have valid cards.
    expect(preview.figures).toMatchObject({ eligible: 9, validCards: 3, percent: 33.3 });
    const reasons = Object.fromEntries(preview.exceptions.map((e) => [e.cardId, e.reason]));
    expect(reasons).toEqual({ [ids.p1again!]: 'duplicate', [ids.p2!]: 'expired', [ids.p3!]: 'revoked', [ids.p4!]: 'not_in_unit', [ids.nobody!]: 'no_match', [ids.p7waiting!]: 'not_verified' });
    expect(preview.exceptions.find((e) => e.reason === 'expired')!.detail).toContain('2015-05-01');
    expect(preview.exceptions.find((e) => e.reason === 'revoked')!.detail).toContain('2015-06-01');
    expect(preview.exceptions.find((e) => e.reason === 'not_verified')!.detail).toContain('confirmed it');
    expect(preview.integrity).toEqual({ checked: 9, altered: 0 });
  });

  it('warns before generation: below 50% + 1, counted cards without a recorded confirmation transmission, and the cards left out', async () => {
    const preview = (await admin.get(`/api/campaigns/${f.campaign.slug}/filing-packets/preview?unitId=${f.unit.id}&filingDate=${FILING}`)).json() as Preview;
    expect(preview.warnings.map((w) => w.code)).toEqual(['below_majority', 'confirmation_not_recorded', 'cards_left_out']);
    expect(preview.warnings[0]!.message).toContain('2 more needed for a majority');
    expect(preview.warnings[1]!.cardRefs).toEqual(['C1', 'C2', 'C3']);
    expect(preview.warnings[2]!.message).toContain('6 cards are left out');
    expect(preview.warnings[2]!.message).toContain('1 not verified');
    // One school alone, with one counted card of four people: below 30% as well.
    const one = (await admin.get(`/api/campaigns/${f.campaign.slug}/filing-packets/preview?unitId=${f.unit.id}&worksiteId=${f.sites[1]!.id}&filingDate=${FILING}`)).json() as Preview;
    expect(one.warnings.map((w) => w.code).slice(0, 2)).toEqual(['below_showing_of_interest', 'below_majority']);
    const [audit] = (await db().select().from(auditEvents).where(eq(auditEvents.action, 'filing.previewed'))).filter((a) => a.campaignId === f.campaign.id).slice(-1);
    expect(audit!.details).toMatchObject({ warnings: ['below_showing_of_interest', 'below_majority', 'confirmation_not_recorded', 'cards_left_out'] });
  });

  it('agrees exactly with GET /majority for the unit and for each school', async () => {
    const m = (await admin.get(`/api/campaigns/${f.campaign.slug}/majority?asOf=${FILING}`)).json() as Majority;
    const unit = (await admin.get(`/api/campaigns/${f.campaign.slug}/filing-packets/preview?unitId=${f.unit.id}&filingDate=${FILING}`)).json() as Preview;
    expect(unit.figures).toEqual(asPacketFigures(m.units[0]!));
    for (const site of f.sites) {
      const one = (await admin.get(`/api/campaigns/${f.campaign.slug}/filing-packets/preview?unitId=${f.unit.id}&worksiteId=${site.id}&filingDate=${FILING}`)).json() as Preview;
      expect(one.figures).toEqual(asPacketFigures(m.worksites.find((w) => w.id === site.id)!));
    }
  });

  it('the board copy names each counted signer, in the PDF and the CSV; the earliest of two cards is the one counted', async () => {
    const pdf = await download(admin, f, { copy: 'board', format: 'pdf' });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename=proof-of-support-certificated-unit-2015-06-15-perb-board-copy.pdf');
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    for (const p of [f.people[0]!, f.people[1]!, f.people[5]!]) expect(text).toContain(`${p.familyName}, ${p.givenName}`);
    expect(text).toContain('CONFIDENTIAL');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain('Declaration');

    const csv = await download(admin, f, { copy: 'board', format: 'csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toMatch(/^packet_ref,status,reason,roster_name,/);
    const counted = lines.filter((l) => /^C\d+,counted,/.test(l));
    expect(counted).toHaveLength(3);
    expect(csv.body).toContain(ids.p1first);
    expect(lines.find((l) => l.includes(ids.p1again!))).toMatch(/^E\d+,duplicate,/);
    expect(lines.find((l) => l.includes(ids.p6late!))).toBeUndefined();
  });

  it('the NLRB packet gives the six elements of each e-signature, the confirmation log and the declaration of the method', async () => {
    const pdf = await download(admin, f, { jurisdiction: 'nlrb' });
    expect(pdf.statusCode).toBe(200);
    const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
    const p0 = signers[0]!;
    for (const element of [p0.name, p0.email, p0.phone, 'Employer 1', '2015-05-01', 'T1']) expect(text).toContain(element);
    expect(text).toContain('Confirmation-transmission log');
    expect(text).toContain('SHA-256');
    expect(text).toContain('Electronic signature method.');
    expect(text).toContain('29 CFR 101.18(a)');
  });

  it('the ZIP holds the PDF and the CSVs with a checksum list', async () => {
    const res = await download(admin, f, { format: 'zip' });
    expect(res.headers['content-type']).toBe('application/zip');
    const files = await unzip(res.rawPayload);
    expect([...files.keys()].sort()).toEqual(['README.txt', 'SHA256SUMS', 'cards.csv', 'confirmations.csv', 'proof-of-support.pdf', 'roster.csv', 'summary.csv']);
    expect(files.get('roster.csv')!.toString().trim().split('\n')).toHaveLength(10);
  });
});

describe('filing packet: the card in the signer’s language', () => {
  const SPANISH = [
    'Yo, empleada o empleado de {employer}, quiero formar un sindicato con mis compañeros de trabajo.',
    'Autorizo a Educadores Unidos de Meridián a representarme en la negociación colectiva con {employer} sobre salarios, horarios y condiciones de trabajo.',
  ].join('\n\n');

  it('a Spanish card is signed, confirmed and filed with exactly its Spanish text', async () => {
    const realNow = t.clock.now;
    t.clock.now = new Date('2015-06-10T19:00:00Z');
    onTestFinished(() => {
      t.clock.now = realNow;
    });
    const g = await createCampaign(db(), { sites: 1, perSite: 2 });
    await addCardText(db(), g.campaign.id);
    const spanishText = await addCardText(db(), g.campaign.id, SPANISH, { language: 'es', title: 'Tarjeta de autorización' });
    const signer = g.people[0]!;
    const agent = t.agent();
    const page = await agent.get(`/c/${g.campaign.slug}/card?lang=es`);
    expect(page.body).toContain('quiero formar un sindicato con mis compañeros de trabajo');
    expect(page.body).toContain('Tarjeta de autorización');
    expect(page.body).not.toContain('want to form a union');
    // The English page still shows the English text.
    expect((await t.agent().get(`/c/${g.campaign.slug}/card`)).body).toContain('want to form a union');

    const signed = await signByForm(agent, `/c/${g.campaign.slug}/card`, { legal_name: `${signer.givenName} ${signer.familyName}`, email: 'firma@correo.example', phone: '(323) 555-0190', worksite_id: signer.worksiteId, job_title: 'Maestra' });
    expect(signed.statusCode).toBe(200);
    expect(signed.body).toContain('Gracias por firmar');
    const [card] = await db().select().from(cards).where(eq(cards.campaignId, g.campaign.id));
    const exact = SPANISH.replaceAll('{employer}', 'Employer 1');
    expect(card).toMatchObject({ cardTextId: spanishText.id, cardTextVersion: 2, cardText: exact });
    const [mail] = await openMail(t.services, await db().select().from(mailMessages).where(eq(mailMessages.id, card!.confirmationMailId!)));
    expect(mail!.subject).toContain('Su tarjeta de apoyo');
    expect(mail!.textBody).toContain(exact);
    expect(mail!.textBody).toContain('Sí, firmé esta tarjeta');

    await answerByLink(t.agent(), confirmationPathFrom(mail!.textBody), 'signed');
    const organizer = await login(g, 'organizer');
    expect((await organizer.post(`/api/campaigns/${g.campaign.slug}/cards/${card!.id}/verification`, { method: 'in_person' })).statusCode).toBe(200);

    const gAdmin = await login(g, 'admin');
    for (const jurisdiction of ['nlrb', 'ca_perb']) {
      const pdf = await download(gAdmin, g, { jurisdiction, filingDate: '2015-06-10' });
      expect(pdf.statusCode, pdf.body).toBe(200);
      const text = pdfText(pdf.rawPayload).replace(/\s+/g, ' ');
      expect(text).toContain('card text version 2, Spanish');
      expect(text).toContain(exact.replace(/\s+/g, ' '));
    }
    const csv = await download(gAdmin, g, { format: 'csv', filingDate: '2015-06-10' });
    expect(csv.body).toContain(',es,');
  });
});

describe('filing packet: the service copy names no one', () => {
  it('PDF, CSV and ZIP carry no name, email or phone of any signer', async () => {
    const texts: string[] = [];
    for (const jurisdiction of ['ca_perb', 'nlrb']) {
      const pdf = await download(admin, f, { copy: 'service', format: 'pdf', jurisdiction });
      expect(pdf.statusCode).toBe(200);
      texts.push(pdfText(pdf.rawPayload));
      const csv = await download(admin, f, { copy: 'service', format: 'csv', jurisdiction });
      texts.push(csv.body);
      const zip = await unzip((await download(admin, f, { copy: 'service', format: 'zip', jurisdiction })).rawPayload);
      expect([...zip.keys()].sort()).toEqual(['README.txt', 'SHA256SUMS', 'service-copy.pdf', 'summary.csv']);
      texts.push(pdfText(zip.get('service-copy.pdf')!), zip.get('summary.csv')!.toString(), zip.get('README.txt')!.toString());
    }
    const all = texts.join('\n');
    // It does say what it is: counts and dates.
    expect(all).toContain('SERVICE COPY');
    expect(all).toMatch(/valid_cards,3/);
    expect(all).toContain(FILING);
    const words = all.replace(/\s+/g, ' ');
    for (const s of signers) {
      for (const part of s.name.split(' ')) expect(words, part).not.toContain(part);
      expect(words).not.toContain(s.email);
      expect(words).not.toContain(s.phone.slice(-8));
    }
    for (const p of f.people) {
      expect(words).not.toContain(p.givenName);
      expect(words).not.toContain(p.familyName);
    }
    expect(words).not.toMatch(/goal/i);
  });
});

describe('filing packet: access, audit and input', () => {
  it('only admins: organizer, committee and viewer get 403, someone not on the campaign 404', async () => {
    for (const role of ['organizer', 'committee', 'viewer'] as const) {
      const agent = await login(f, role);
      expect((await download(agent, f, {})).statusCode, role).toBe(403);
      expect((await agent.get(`/api/campaigns/${f.campaign.slug}/filing-packets/preview?unitId=${f.unit.id}&filingDate=${FILING}`)).statusCode, role).toBe(403);
      expect((await agent.get(`/api/campaigns/${f.campaign.slug}/cards/verify`)).statusCode, role).toBe(403);
    }
    const stranger = await createAccount(db());
    const outsider = t.agent();
    await outsider.login(stranger.email, TEST_PASSWORD);
    expect((await download(outsider, f, {})).statusCode).toBe(404);
    expect((await outsider.get(`/api/campaigns/${f.campaign.slug}/cards/verify`)).statusCode).toBe(404);
    expect((await download(t.agent(), f, {})).statusCode).toBe(401);
  });

  it('writes who, when, which unit and date and which copy to the audit log', async () => {
    // Audit rows carry the command's instant, from the app's clock.
    const before = new Date(t.clock.now.getTime() - 1000);
    await download(admin, f, { copy: 'service', format: 'csv', jurisdiction: 'nlrb', worksiteId: f.sites[1]!.id });
    const rows = await db().select().from(auditEvents).where(eq(auditEvents.action, 'filing.generated'));
    const last = rows.filter((r) => r.campaignId === f.campaign.id).sort((a, b) => b.at.getTime() - a.at.getTime())[0]!;
    expect(last.at.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(last.actorAccountId).not.toBeNull();
    expect(last.subjectType).toBe('unit');
    expect(last.subjectId).toBe(f.unit.id);
    expect(last.details).toMatchObject({ unitId: f.unit.id, worksiteId: f.sites[1]!.id, filingDate: FILING, jurisdiction: 'nlrb', copy: 'service', format: 'csv' });
  });

  it('refuses bad input with the field and reason, and POST without the CSRF token', async () => {
    const bad = await download(admin, f, { filingDate: '2015-02-30', copy: 'employer' });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json() as { error: { fields: { field: string }[] } }).error.fields.map((x) => x.field);
    expect(fields).toEqual(expect.arrayContaining(['body.filingDate', 'body.copy']));
    const unknownUnit = await download(admin, f, { unitId: randomUUID() });
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json()).toMatchObject({ error: { code: 'validation_failed', fields: [{ field: 'unitId' }] } });
    const future = await download(admin, f, { filingDate: '2999-01-01' });
    expect(future.statusCode).toBe(400);
    const noCsrf = await admin.request({ method: 'POST', url: `/api/campaigns/${f.campaign.slug}/filing-packets`, payload: { unitId: f.unit.id, filingDate: FILING, copy: 'board', format: 'pdf' }, withCsrf: false });
    expect(noCsrf.statusCode).toBe(403);
  });
});

describe('integrity: a card changed behind the application’s back is caught', () => {
  it('by `unionhall verify-cards`, by GET /cards/verify, and the packet does not count it', async () => {
    const g = await createCampaign(db(), { sites: 1, perSite: 3 });
    const text = await addCardText(db(), g.campaign.id);
    const victim = await signCard(g, text.id, { personIndex: 0, signedOn: '2015-05-01' });
    await signCard(g, text.id, { personIndex: 1, signedOn: '2015-05-02' });
    const gAdmin = await login(g, 'admin');

    const clean: string[] = [];
    expect(await verifyCampaignCards(t.services, g.campaign.slug, (l) => clean.push(l))).toBe(0);
    expect(clean.join('\n')).toContain('all 2 card hashes match');
    expect((await gAdmin.get(`/api/campaigns/${g.campaign.slug}/cards/verify`)).json()).toEqual({ ok: true, checked: 2, mismatches: [] });

    // The append-only trigger refuses the change…
    await expect(t.database.pool.query(`UPDATE cards SET signed_on = '2015-06-01' WHERE id = $1`, [victim.id])).rejects.toThrow(/append-only/);
    // …so an attacker with the database owner's rights switches it off first.
    const client = await t.database.pool.connect();
    try {
      await client.query('ALTER TABLE cards DISABLE TRIGGER cards_append_only_update');
      await client.query(`UPDATE cards SET signed_on = '2015-06-01', signer_name = 'Someone Else' WHERE id = $1`, [victim.id]);
      await client.query('ALTER TABLE cards ENABLE TRIGGER cards_append_only_update');
    } finally {
      client.release();
    }

    const out: string[] = [];
    expect(await verifyCampaignCards(t.services, g.campaign.slug, (l) => out.push(l))).toBe(2);
    expect(out.join('\n')).toContain(`card ${victim.id}`);
    expect(out.join('\n')).toContain(`stored   ${victim.contentHash}`);

    const api = await gAdmin.get(`/api/campaigns/${g.campaign.slug}/cards/verify`);
    expect(api.statusCode).toBe(200);
    const report = api.json() as { ok: boolean; checked: number; mismatches: { cardId: string; storedHash: string; computedHash: string }[] };
    expect(report.ok).toBe(false);
    expect(report.checked).toBe(2);
    expect(report.mismatches.map((m) => m.cardId)).toEqual([victim.id]);
    expect(report.mismatches[0]!.storedHash).toBe(victim.contentHash);
    expect(report.mismatches[0]!.computedHash).not.toBe(victim.contentHash);

    const preview = (await gAdmin.get(`/api/campaigns/${g.campaign.slug}/filing-packets/preview?unitId=${g.unit.id}&filingDate=${FILING}`)).json() as Preview;
    expect(preview.figures.validCards).toBe(1);
    expect(preview.integrity).toEqual({ checked: 2, altered: 1 });
    expect(preview.exceptions.map((e) => [e.cardId, e.reason])).toEqual([[victim.id, 'altered']]);
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.action, 'cards.verified'));
    expect(audit.filter((a) => a.campaignId === g.campaign.id).length).toBeGreaterThanOrEqual(4);
  });
});
