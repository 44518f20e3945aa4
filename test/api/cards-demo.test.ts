import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardRevocations, cards, cardScans, cardVerifications, employers, mailMessages } from '../../src/db/schema/index.js';
import { DEMO_EMPLOYER_DOMAIN, DEMO_STORY } from '../../src/demo/cards-demo-step.js';
import '../../src/demo/demo-steps.js';
import { loadDemo, type DemoContext } from '../../src/demo/load-demo.js';
import { hashCard } from '../../src/domain/cards/card-hash.js';
import { cardContentOf } from '../../src/domain/cards/card-content.js';
import type { MajorityPage as Majority } from '../../src/contracts/majority.js';
import { addMember, createAccount, TEST_PASSWORD } from '../support/factories.js';
import { AS_OF_THE_SEEDS } from '../support/demo-date.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { openCards } from '../support/opened-rows.js';

let t: TestApp;
let demo: DemoContext;
let agent: Agent;
const quiet = () => ({ tick: () => undefined, done: () => undefined });

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t.database.db, quiet, AS_OF_THE_SEEDS);
  const account = await createAccount(t.database.db);
  await addMember(t.database.db, account.id, demo.campaignId, 'organizer');
  agent = t.agent();
  await agent.login(account.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const majority = async (asOf: string) => (await agent.get(`/api/campaigns/meridian/majority?asOf=${asOf}`)).json() as Majority;
const schoolsWithCards = (m: Majority) => new Set(m.worksites.filter((w) => (w.validCards ?? 0) > 0).map((w) => w.id)).size;

describe('the demo cards tell the seeds’ story', () => {
  it('67 educators at 7 schools by late April 2015', async () => {
    const m = await majority(DEMO_STORY.april.asOf);
    expect(m.units[0]!.validCards).toBe(67);
    expect(schoolsWithCards(m)).toBe(7);
  });

  it('146 educators at 21 schools by mid-June 2015, and the largest school past 50%', async () => {
    const m = await majority(DEMO_STORY.june.asOf);
    expect(m.units[0]!.validCards).toBe(146);
    expect(schoolsWithCards(m)).toBe(21);
    const largest = [...m.worksites].sort((a, b) => b.eligible - a.eligible)[0]!;
    expect(largest.thresholds.majority.met).toBe(true);
    expect((largest.validCards ?? 0) * 2).toBeGreaterThan(largest.eligible);
  });

  it('the growth chart climbs from one to the other', async () => {
    const growth = (await agent.get('/api/campaigns/meridian/growth?to=2015-06-15')).json() as { weeks: { weekEnd: string; supporters: number; schools: number }[] };
    expect(growth.weeks.find((w) => w.weekEnd === '2015-04-26')).toMatchObject({ supporters: 67, schools: 7 });
    expect(growth.weeks.at(-1)).toMatchObject({ weekEnd: '2015-06-15', supporters: 146, schools: 21 });
  });

  it('has revoked, unmatched, duplicate and paper cards; every hash verifies; every e-signature has its confirmation', async () => {
    const rows = await openCards(t.services, await t.database.db.select().from(cards).where(eq(cards.campaignId, demo.campaignId)));
    expect(rows.every((r) => hashCard(cardContentOf(r)) === r.contentHash)).toBe(true);
    expect(rows.filter((r) => r.matchStatus === 'unmatched')).toHaveLength(2);
    expect(await t.database.db.select().from(cardRevocations).where(eq(cardRevocations.campaignId, demo.campaignId))).toHaveLength(2);
    const paper = rows.filter((r) => r.source === 'paper');
    expect(paper.length).toBeGreaterThanOrEqual(3);
    expect(await t.database.db.select({ id: cardScans.cardId }).from(cardScans).where(eq(cardScans.campaignId, demo.campaignId))).toHaveLength(paper.length);
    const people = rows.filter((r) => r.personId).map((r) => r.personId);
    expect(new Set(people).size).toBeLessThan(people.length);
    const electronic = rows.filter((r) => r.source === 'electronic');
    expect(electronic.every((r) => r.confirmationMailId !== null)).toBe(true);
    const mails = await t.database.db.select().from(mailMessages).where(eq(mailMessages.kind, 'card_confirmation'));
    expect(mails).toHaveLength(electronic.length);
    expect(mails.every((m) => m.createdAt < new Date('2015-07-01'))).toBe(true);

    const review = (await agent.get('/api/campaigns/meridian/cards/review')).json() as { cards: unknown[] };
    expect(review.cards).toHaveLength(2);
  });

  it('every card that counts is verified; five recent ones (and the two unmatched) wait, submitted or confirmed', async () => {
    const verified = await t.database.db.select().from(cardVerifications).where(eq(cardVerifications.campaignId, demo.campaignId));
    const methods = new Set(verified.map((v) => v.method));
    expect(methods).toEqual(new Set(['personal_contact_on_file', 'paper_entry']));
    // 146 supporters, one of them twice, and the two who withdrew.
    expect(verified).toHaveLength(146 + 1 + 2);
    const waiting = (await agent.get('/api/campaigns/meridian/cards/waiting')).json() as { submitted: { needs: string[] }[]; confirmed: { needs: string[] }[] };
    expect(waiting.submitted).toHaveLength(3 + 1);
    expect(waiting.confirmed).toHaveLength(2 + 1);
    expect(waiting.confirmed.filter((c) => c.needs.join() === 'verification')).toHaveLength(2);
    // They do not move the numbers.
    expect((await majority(DEMO_STORY.june.asOf)).units[0]!.validCards).toBe(146);
  });

  it('publishes the story’s numbers exactly as the seeds tell them, with the date; the card is in English and Spanish; the network’s domain is the employer’s', async () => {
    const home = (await t.agent().get('/')).body;
    expect(home).toMatch(/<strong>146<\/strong> <span>educators support our union<\/span>/);
    expect(home).toMatch(/<strong>21<\/strong> <span>schools with union supporters<\/span>/);
    expect(home).toContain('Educators and schools as published on June 15, 2015.');
    const texts = (await agent.get('/api/campaigns/meridian/card-texts')).json() as { cardTexts: { language: string; approvedAt: string | null }[] };
    expect(texts.cardTexts.map((x) => x.language).sort()).toEqual(['en', 'es']);
    expect(texts.cardTexts.every((x) => x.approvedAt !== null)).toBe(true);
    expect((await t.agent().get('/card?lang=es')).body).toContain('Autorización de representación');
    const rows = await t.database.db.select().from(employers).where(eq(employers.campaignId, demo.campaignId));
    expect(rows.every((e) => e.emailDomains.includes(DEMO_EMPLOYER_DOMAIN))).toBe(true);
  });
});
