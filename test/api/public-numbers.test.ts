import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, campaigns, publicNumberPublications } from '../../src/db/schema/index.js';
import { systemRequester } from '../../src/domain/commands/requester.js';
import { publishDuePublicNumbers } from '../../src/domain/public-numbers/publish-due-public-numbers.js';
import { addCardText, insertCard } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// The public site shows support numbers an organizer published (or the daily automatic
// publication), rounded down to the campaign's granularity, with their date (decision 0023).

let t: TestApp;
let f: CampaignFixture;
let organizer: Agent;
let api: string;

type Preview = {
  current: { asOf: string; granularity: number; educators: number; schools: number; educatorsShown: number; schoolsShown: number };
  publications: { educatorsShown: number; schoolsShown: number; automatic: boolean; asOf: string }[];
  autoPublish: boolean;
};

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-06-15T19:00:00Z');
  f = await createCampaign(t.database.db, { sites: 3, perSite: 4 });
  const text = await addCardText(t.database.db, f.campaign.id);
  // Seven verified supporters at three schools, and one card not verified (it counts nowhere).
  for (const i of [0, 1, 2, 4, 5, 8, 9]) {
    const p = f.people[i]!;
    await insertCard(t.database.db, { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: p.worksiteId, personId: p.id, signedOn: '2015-06-01' });
  }
  const waiting = f.people[10]!;
  await insertCard(t.database.db, { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: waiting.worksiteId, personId: waiting.id, signedOn: '2015-06-01', verified: false });
  const account = await createMember(t.database.db, f, 'organizer');
  organizer = t.agent();
  await organizer.login(account.email, TEST_PASSWORD);
  api = `/api/campaigns/${f.campaign.slug}`;
});
afterAll(async () => t.close());

const home = async (lang = 'en') => (await t.agent().request({ method: 'GET', url: `/c/${f.campaign.slug}?lang=${lang}` })).body;
const counter = (body: string, label: string) => new RegExp(`<strong>([^<]*)</strong> <span>${label}`).exec(body)?.[1];

describe('publishing the public numbers', () => {
  it('previews today’s verified numbers, exact and as they would be published (granularity 5 by default)', async () => {
    const res = await organizer.get(`${api}/public-numbers`);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as Preview;
    expect(preview.current).toEqual({ asOf: '2015-06-15', granularity: 5, educators: 7, schools: 3, educatorsShown: 5, schoolsShown: 0 });
    expect(preview.publications).toEqual([]);
    expect(preview.autoPublish).toBe(false);
    // Before any publication, the site shows no support numbers at all.
    expect(await home()).toContain('Educators and schools: not published yet.');
  });

  it('publishes rounded down, worded without revealing the remainder, with the date, in both languages (audited)', async () => {
    const res = await organizer.post(`${api}/public-numbers`);
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as { publication: { educatorsShown: number; schoolsShown: number; granularity: number } }).publication).toMatchObject({ educatorsShown: 5, schoolsShown: 0, granularity: 5 });
    const en = await home();
    expect(counter(en, 'educators support our union')).toBe('over 5');
    expect(counter(en, 'schools with union supporters')).toBe('fewer than 5');
    expect(en).toContain('Educators and schools as published on June 15, 2015.');
    expect(en).not.toMatch(/<strong>7<\/strong>/);
    const es = await home('es');
    expect(counter(es, 'educadores apoyan nuestro sindicato')).toBe('más de 5');
    expect(es).toContain('publicado el 15 de junio de 2015');
    const [audit] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.campaignId, f.campaign.id), eq(auditEvents.action, 'public_numbers.published')));
    expect(audit!.details).toMatchObject({ asOf: '2015-06-15', educatorsShown: 5, schoolsShown: 0, granularity: 5, automatic: false });
  });

  it('at granularity 1 publishes the exact numbers; a new granularity changes nothing until the next publication', async () => {
    expect((await organizer.put(`${api}/public-numbers/settings`, { granularity: 0, autoPublish: false })).statusCode).toBe(400);
    expect((await organizer.put(`${api}/public-numbers/settings`, { granularity: 1, autoPublish: false })).json()).toEqual({ granularity: 1, autoPublish: false });
    expect(counter(await home(), 'educators support our union')).toBe('over 5');
    await organizer.post(`${api}/public-numbers`);
    const body = await home();
    expect(counter(body, 'educators support our union')).toBe('7');
    expect(counter(body, 'schools with union supporters')).toBe('3');
    const preview = (await organizer.get(`${api}/public-numbers`)).json() as Preview;
    expect(preview.publications.map((p) => p.educatorsShown)).toEqual([7, 5]);
  });

  it('is for organizers and admins: committee members and viewers may not publish or preview', async () => {
    for (const role of ['committee', 'viewer'] as const) {
      const account = await createMember(t.database.db, f, role);
      const agent = t.agent();
      await agent.login(account.email, TEST_PASSWORD);
      expect((await agent.get(`${api}/public-numbers`)).statusCode, role).toBe(403);
      expect((await agent.post(`${api}/public-numbers`)).statusCode, role).toBe(403);
      expect((await agent.put(`${api}/public-numbers/settings`, { granularity: 1, autoPublish: true })).statusCode, role).toBe(403);
    }
  });

  it('publishes automatically at most once a day, when the campaign asks for it', async () => {
    const g = await createCampaign(t.database.db, { sites: 1, perSite: 2 });
    const count = async (campaignId: string) => (await t.database.db.select().from(publicNumberPublications).where(eq(publicNumberPublications.campaignId, campaignId))).length;
    const sweep = () => t.services.execute(publishDuePublicNumbers, systemRequester('system'), {});
    // Not asked for: nothing.
    await sweep();
    expect(await count(g.campaign.id)).toBe(0);
    await t.database.db.update(campaigns).set({ publicNumbersAutoPublish: true }).where(eq(campaigns.id, g.campaign.id));
    expect(await sweep()).toContain(g.campaign.slug);
    expect(await count(g.campaign.id)).toBe(1);
    // The same day: no second publication, however often the sweep runs.
    t.clock.advanceMinutes(60);
    expect(await sweep()).not.toContain(g.campaign.slug);
    expect(await count(g.campaign.id)).toBe(1);
    // The next day in the campaign's zone: one more.
    t.clock.advanceMinutes(24 * 60);
    await sweep();
    expect(await count(g.campaign.id)).toBe(2);
    const rows = await t.database.db.select().from(publicNumberPublications).where(eq(publicNumberPublications.campaignId, g.campaign.id));
    expect(rows.every((r) => r.automatic && r.publishedBy === null)).toBe(true);
    const audits = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.campaignId, g.campaign.id), eq(auditEvents.action, 'public_numbers.published')));
    expect(audits).toHaveLength(2);
    expect(audits[0]!.actorEmail).toBe('system');
  });
});
