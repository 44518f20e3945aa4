import { execFile } from 'node:child_process';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring } from '../../src/crypto/keyring.js';
import { loadMasterKey } from '../../src/crypto/master-key.js';
import { uuidBytes } from '../../src/crypto/person-link.js';
import { createDataKeysRepository } from '../../src/db/repositories/data-keys-repository.js';
import { assessments, auditEvents, cards, cardVerifications, dataKeys, people } from '../../src/db/schema/index.js';
import { keyPersonLinks } from '../../src/domain/admin/key-person-links.js';
import { rotateKeys } from '../../src/domain/admin/rotate-keys.js';
import { systemRequester } from '../../src/domain/commands/requester.js';
import { hashCard } from '../../src/domain/cards/card-hash.js';
import { addCardText, signByForm } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Decision 0028: a card and its verification name their roster person by a keyed pseudonym and a
// sealed id. The attacker of issue 11 holds a pg_dump and the roster, not the key.

const run = promisify(execFile);
let t: TestApp;
let f: CampaignFixture;
let organizer: Agent;
const stamp = Date.now();
const unique = { given: 'Zephyrine', family: `Quillfeather${stamp}` };

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-05-20T19:00:00Z');
  // Six people at the school: the card's worksite is in clear (counting needs it), its signer is not.
  f = await createCampaign(t.database.db, { sites: 2, perSite: 6 });
  await addCardText(t.database.db, f.campaign.id);
  await t.database.db.update(people).set({ givenName: unique.given, familyName: unique.family }).where(eq(people.id, f.people[2]!.id));
  const account = await createMember(t.database.db, f, 'organizer');
  organizer = t.agent();
  await organizer.login(account.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const db = () => t.database.db;
const api = () => `/api/campaigns/${f.campaign.slug}`;
const validCards = async (): Promise<number> => ((await organizer.get(`${api()}/majority`)).json() as { units: { validCards: number }[] }).units[0]!.validCards;

async function pgDump(): Promise<string> {
  const c = t.database.connection;
  const { stdout } = await run('pg_dump', ['--host', String(c.host), '--port', String(c.port), '--username', String(c.user), '--dbname', String(c.database)], {
    env: { ...process.env, PGPASSWORD: String(c.password) },
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

/** The data rows of each table in a plain pg_dump: `COPY public.t (…) FROM stdin;` … `\.`. */
function tablesOf(dump: string): Map<string, { columns: string[]; rows: string[][] }> {
  const tables = new Map<string, { columns: string[]; rows: string[][] }>();
  const copy = /^COPY public\.(\w+) \(([^)]*)\) FROM stdin;\n([\s\S]*?)^\\\.$/gmu;
  for (const m of dump.matchAll(copy)) {
    const columns = m[2]!.split(', ').map((c) => c.replace(/"/gu, ''));
    const rows = m[3]!.split('\n').filter((line) => line !== '').map((line) => line.split('\t'));
    tables.set(m[1]!, { columns, rows });
  }
  return tables;
}

/** What an attacker without the key can compute from a person id and compare with a stored link. */
function unkeyedGuesses(personId: string): string[] {
  const bytes = uuidBytes(personId);
  const guesses = [bytes, Buffer.from(personId), Buffer.from(personId.replace(/-/gu, ''))].flatMap((input) => [
    createHash('sha256').update(input).digest('hex'),
    createHash('md5').update(input).digest('hex'),
    createHash('sha1').update(input).digest('hex'),
    createHmac('sha256', Buffer.alloc(32)).update(input).digest('hex'),
    createHmac('sha256', '').update(input).digest('hex'),
  ]);
  return [...guesses, bytes.toString('hex')];
}

describe('the link from a card to its roster person, against a stolen dump', () => {
  it('a verified card signed in a roster person’s unique name: the dump holds neither the name outside the roster, nor the person’s id beside the card, nor any unkeyed way to join them', async () => {
    const signer = f.people[2]!;
    const email = `zq${stamp}@mail.example`;
    const res = await signByForm(t.agent(), `/c/${f.campaign.slug}/card`, {
      legal_name: `${unique.given} ${unique.family}`,
      email,
      phone: '(323) 555-0199',
      worksite_id: signer.worksiteId,
      job_title: 'Teacher',
    });
    expect(res.statusCode).toBe(200);
    const [stored] = await db().select().from(cards).where(eq(cards.campaignId, f.campaign.id));
    // Matched by name and school, then verified by an organizer: the card counts.
    const listed = (await organizer.get(`${api()}/cards/${stored!.id}`)).json() as { card: { match: { personId: string | null; personName: string | null } } };
    expect(listed.card.match).toMatchObject({ personId: signer.id, personName: `${unique.given} ${unique.family}` });
    const verified = await organizer.post(`${api()}/cards/${stored!.id}/verification`, { method: 'in_person', note: 'Met at the gate.' });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(await validCards()).toBe(1);
    const chart = (await organizer.get(`${api()}/wall-chart`)).json() as { columns: { cells: { personId: string; cardStatus: string }[] }[] };
    expect(chart.columns.flatMap((c) => c.cells).find((c) => c.personId === signer.id)?.cardStatus).toBe('signed');

    const dump = await pgDump();
    const tables = tablesOf(dump);
    expect(tables.get('cards')?.rows).toHaveLength(1);
    expect(tables.get('card_verifications')?.rows).toHaveLength(1);

    // The name and the id appear in the roster (the attacker has it anyway), and nowhere else.
    const holding = (needle: string) => [...tables].filter(([, t]) => t.rows.some((r) => r.some((v) => v.includes(needle)))).map(([name]) => name).sort();
    expect(holding(unique.family)).toEqual(['people']);
    expect(holding(signer.id)).toEqual(['employments', 'people']);
    expect(dump).not.toContain(email);

    // The join an attacker would try: the card's link against every roster person, hashed every
    // way that needs no key. Nothing matches; the link is a keyed pseudonym.
    const cardTable = tables.get('cards')!;
    const verificationTable = tables.get('card_verifications')!;
    const links = [
      ...['person_key', 'person_ref', 'person_id'].map((c) => cardTable.rows[0]![cardTable.columns.indexOf(c)]!),
      ...['person_key', 'person_ref', 'person_id'].map((c) => verificationTable.rows[0]![verificationTable.columns.indexOf(c)]!),
    ];
    expect(links.filter((v) => v === '\\N')).toHaveLength(2); // no clear person_id, in either table
    const roster = tables.get('people')!.rows.map((r) => r[tables.get('people')!.columns.indexOf('id')]!);
    expect(roster).toContain(signer.id);
    for (const personId of roster) {
      for (const guess of unkeyedGuesses(personId)) for (const link of links) expect(link).not.toContain(guess);
    }
    // The two stored pseudonyms are equal (a person counts once), and only the key makes them.
    const keyColumn = cardTable.columns.indexOf('person_key');
    expect(cardTable.rows[0]![keyColumn]).toBe(verificationTable.rows[0]![verificationTable.columns.indexOf('person_key')]);
    const link = await t.services.keyring.link();
    expect(cardTable.rows[0]![keyColumn]).toBe(`\\\\x${link.pseudonymOf(signer.id).toString('hex')}`);

    // The audit rows name the card; the person it was verified as is sealed.
    expect(tables.get('audit_events')!.rows.some((r) => r.join('\t').includes(stored!.id))).toBe(true);
    // The link key itself is only in data_keys, wrapped.
    expect(dump).not.toContain(link.innerPad.toString('hex'));
  });

  it('key rotation rewraps the link key and never retires it: every pseudonym still joins, under the new master key only', async () => {
    const store = createDataKeysRepository(db());
    const oldMasterKey = loadMasterKey(t.config.masterKey);
    const before = await t.services.keyring.link();
    const newMasterKey = Buffer.alloc(32, 9);
    await t.services.execute(rotateKeys, systemRequester('cli'), { oldMasterKey, newMasterKey });
    const [linkRow] = await db().select().from(dataKeys).where(eq(dataKeys.purpose, 'link'));
    expect(linkRow?.retiredAt).toBeNull();
    const after = await createKeyring({ masterKey: newMasterKey, store }).link();
    const signer = f.people[2]!;
    expect(after.pseudonymOf(signer.id).equals(before.pseudonymOf(signer.id))).toBe(true);
    const [card] = await db().select().from(cards).where(eq(cards.campaignId, f.campaign.id));
    expect(card!.personKey!.equals(after.pseudonymOf(signer.id))).toBe(true);
    await expect(createKeyring({ masterKey: oldMasterKey, store }).link()).rejects.toThrow(/not the one/);
    // Still one link key: rotation made no second one.
    expect(await db().select().from(dataKeys).where(eq(dataKeys.purpose, 'link'))).toHaveLength(1);
  });

  it('links written in clear before 0028 count as they are, then are keyed by keyPersonLinks (audited), and still count and show their person', async () => {
    const person = f.people[7]!;
    const [text] = await db().select({ id: cards.cardTextId }).from(cards).limit(1);
    const content = {
      id: randomUUID(),
      campaignId: f.campaign.id,
      cardTextId: text!.id,
      cardTextVersion: 1,
      cardText: 'I want a union.',
      employerName: 'Employer 2',
      worksiteId: person.worksiteId,
      worksiteName: 'School 2',
      signerName: `${person.givenName} ${person.familyName}`,
      email: null,
      phone: null,
      jobTitle: 'Teacher',
      employeeId: null,
      signedOn: '2015-05-01',
      signedAt: null,
      source: 'paper' as const,
      typedSignature: null,
      ip: null,
      userAgent: null,
    };
    // As an older version wrote them: the person id in clear on the card and its verification.
    await db().insert(cards).values({ ...content, contentHash: hashCard(content), legacyPersonId: person.id, matchStatus: 'matched', matchMethod: 'employee_id' });
    await db().insert(cardVerifications).values({ cardId: content.id, campaignId: f.campaign.id, legacyPersonId: person.id, method: 'paper_entry' });
    expect(await validCards()).toBe(2);

    const result = await t.services.execute(keyPersonLinks, systemRequester('system'), {});
    expect(result.keyed).toBe(2);
    expect((await t.services.execute(keyPersonLinks, systemRequester('system'), {})).keyed).toBe(0);
    const [card] = await db().select().from(cards).where(eq(cards.id, content.id));
    const [verification] = await db().select().from(cardVerifications).where(eq(cardVerifications.cardId, content.id));
    expect(card?.legacyPersonId).toBeNull();
    expect(verification?.legacyPersonId).toBeNull();
    const link = await t.services.keyring.link();
    expect(card!.personKey!.equals(link.pseudonymOf(person.id))).toBe(true);
    expect(verification!.personKey!.equals(link.pseudonymOf(person.id))).toBe(true);
    expect(await db().select().from(auditEvents).where(eq(auditEvents.action, 'cards.links_keyed'))).toHaveLength(1);

    expect(await validCards()).toBe(2);
    const shown = (await organizer.get(`${api()}/cards/${content.id}`)).json() as { card: { match: { personId: string | null; personName: string | null }; state: string } };
    expect(shown.card).toMatchObject({ match: { personId: person.id, personName: `${person.givenName} ${person.familyName}` }, state: 'verified' });
  });

  it('a verification counts the card at the school where its signer works, even when the card names another school', async () => {
    // Person 3 works at school 1; they wrote school 2 on the card. The counters were built above.
    const person = f.people[3]!;
    const other = f.sites.find((s) => s.id !== person.worksiteId)!;
    const res = await signByForm(t.agent(), `/c/${f.campaign.slug}/card`, {
      legal_name: `${person.givenName} ${person.familyName}`,
      email: `moved${stamp}@mail.example`,
      phone: '(323) 555-0123',
      worksite_id: other.id,
      job_title: 'Teacher',
    });
    expect(res.statusCode).toBe(200);
    const waiting = (await organizer.get(`${api()}/cards/waiting`)).json() as { submitted: { id: string }[] };
    const cardId = waiting.submitted[0]!.id;
    const bySite = async () => ((await organizer.get(`${api()}/majority`)).json() as { worksites: { id: string; validCards: number }[] }).worksites;
    const before = (await bySite()).find((w) => w.id === person.worksiteId)!.validCards;
    const verified = await organizer.post(`${api()}/cards/${cardId}/verification`, { method: 'in_person', personId: person.id });
    expect(verified.statusCode, verified.body).toBe(200);
    expect((await bySite()).find((w) => w.id === person.worksiteId)!.validCards).toBe(before + 1);
    expect((await bySite()).find((w) => w.id === other.id)!.validCards).toBe(1);
  });
});

describe('the link from a rating to its roster person, against a stolen dump (decision 0028, ratings)', () => {
  it('a person rated with a unique note: the dump holds neither the note nor the person’s id beside the rating, nor any unkeyed way to join them; the screens still show it', async () => {
    const person = f.people[4]!;
    const note = `Opposed${stamp}: told the principal about the meeting`;
    const rated = await organizer.post(`${api()}/people/${person.id}/assessments`, { level: 5, note, assessedAt: '2015-05-19T17:00:00Z' });
    expect(rated.statusCode, rated.body).toBe(201);
    // The screens open it: history, the list, the summary and the wall chart.
    const history = (await organizer.get(`${api()}/people/${person.id}/assessments`)).json() as { assessments: { level: number; note: string; personId: string }[] };
    expect(history.assessments).toMatchObject([{ level: 5, note, personId: person.id }]);
    const list = (await organizer.get(`${api()}/assessments?level=5`)).json() as { people: { personId: string }[] };
    expect(list.people.map((p) => p.personId)).toEqual([person.id]);
    const chart = (await organizer.get(`${api()}/wall-chart`)).json() as { columns: { cells: { personId: string; level: number | null }[] }[] };
    expect(chart.columns.flatMap((c) => c.cells).find((c) => c.personId === person.id)?.level).toBe(5);

    const dump = await pgDump();
    const tables = tablesOf(dump);
    const ratings = tables.get('assessments')!;
    expect(ratings.rows).toHaveLength(1);
    expect(dump).not.toContain(note);
    const row = ratings.rows[0]!;
    expect(row[ratings.columns.indexOf('level')]).toBe('5'); // counting needs the level, in clear
    expect(row[ratings.columns.indexOf('person_id')]).toBe('\\N');
    expect(row.join('\t')).not.toContain(person.id);
    const links = ['person_key', 'person_ref'].map((c) => row[ratings.columns.indexOf(c)]!);
    const roster = tables.get('people')!.rows.map((r) => r[tables.get('people')!.columns.indexOf('id')]!);
    expect(roster).toContain(person.id);
    for (const personId of roster) {
      for (const guess of unkeyedGuesses(personId)) for (const link of links) expect(link).not.toContain(guess);
    }
    // Only the key makes the pseudonym: the same one as a card of that person would carry.
    const link = await t.services.keyring.link();
    expect(links[0]).toBe(`\\\\x${link.pseudonymOf(person.id).toString('hex')}`);
  });

  it('ratings written in clear (before keyed ratings, or by the demo) count as they are, then are keyed by keyPersonLinks; an UPDATE can never write a clear link or move anything else', async () => {
    const person = f.people[8]!;
    await db().insert(assessments).values({ campaignId: f.campaign.id, legacyPersonId: person.id, level: 2, note: '', assessedByName: 'An Organizer', assessedAt: new Date('2015-05-10T17:00:00Z') });
    const levelOf = async () => ((await organizer.get(`${api()}/assessments`)).json() as { people: { personId: string; level: number | null }[] }).people.find((p) => p.personId === person.id)?.level;
    expect(await levelOf()).toBe(2);
    expect((await t.services.execute(keyPersonLinks, systemRequester('system'), {})).keyed).toBe(1);
    expect((await t.services.execute(keyPersonLinks, systemRequester('system'), {})).keyed).toBe(0);
    const [stored] = await db().select().from(assessments).where(sql`${assessments.level} = 2`);
    expect(stored?.legacyPersonId).toBeNull();
    const link = await t.services.keyring.link();
    expect(stored!.personKey!.equals(link.pseudonymOf(person.id))).toBe(true);
    expect(await levelOf()).toBe(2);
    const history = (await organizer.get(`${api()}/people/${person.id}/assessments`)).json() as { assessments: { level: number }[] };
    expect(history.assessments.map((a) => a.level)).toEqual([2]);

    // Still append-only: neither a clear link nor a level can be written over a rating.
    for (const change of [sql`update assessments set person_id = ${person.id}::uuid`, sql`update assessments set level = 1`, sql`update assessments set person_key = null, person_ref = null`]) {
      const error = await db().execute(change).then(
        () => null,
        (e: unknown) => e as { cause?: { message?: string } },
      );
      expect(error?.cause?.message).toMatch(/assessments is append-only/);
    }
  });
});
