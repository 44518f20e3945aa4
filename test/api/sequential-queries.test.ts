import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listMembersByWorksiteName } from '../../src/domain/accounts/list-members-by-worksite-name.js';
import { viewCampaign } from '../../src/domain/campaigns/view-campaign.js';
import { loadConductOptions } from '../../src/domain/conduct/load-conduct-options.js';
import { listPetitions } from '../../src/domain/petitions/list-petitions.js';
import { previewPublicNumbers } from '../../src/domain/public-numbers/preview-public-numbers.js';
import { summarizeAssessments } from '../../src/domain/organizing/summarize-assessments.js';
import type { Requester } from '../../src/domain/commands/requester.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Inside a command's transaction every query shares one connection; queries sent at once (with
// Promise.all) are queued by pg with a deprecation warning today and refused by pg 9. pg warns
// when a query waits behind another unsent one (so from three at once: two alone never warn), and
// once per process, so this file listens from its start, before any query of its own. Putting
// Promise.all back into load-conduct-options makes this test fail.
const warnings: string[] = [];
const listen = (warning: Error): void => {
  warnings.push(warning.message);
};
process.on('warning', listen);
const queued = () => warnings.filter((m) => m.includes('already executing a query'));

let t: TestApp;
let f: CampaignFixture;
let admin: Agent;
let requester: Requester;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2015-05-20T19:00:00Z');
  f = await createCampaign(t.database.db, { sites: 2, perSite: 3 });
  const account = await createMember(t.database.db, f, 'admin');
  admin = t.agent();
  await admin.login(account.email, TEST_PASSWORD);
  requester = { accountId: account.id, email: account.email, ip: '127.0.0.1' };
});
afterAll(async () => {
  process.off('warning', listen);
  await t.close();
});

describe('queries inside a transaction run one after another', () => {
  it('recording and listing incidents (the conduct repository) and the reads that used Promise.all queue nothing on their connection', async () => {
    const base = `/api/campaigns/${f.campaign.slug}/conduct`;
    const created = await admin.post(`${base}/incidents`, {
      occurredOn: '2015-05-01',
      kind: 'one_on_one_pressure',
      title: 'Principal calls teachers in one by one',
      worksiteIds: [f.sites[0]!.id],
      witnessIds: [f.people[0]!.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const listed = await admin.get(`${base}/incidents`);
    expect(listed.statusCode).toBe(200);
    expect((listed.json() as { incidents: { witnesses: { id: string }[] }[] }).incidents[0]?.witnesses.map((w) => w.id)).toEqual([f.people[0]!.id]);

    // Each in its own transaction, as `execute` runs commands.
    const slug = { slug: f.campaign.slug };
    expect((await t.services.execute(viewCampaign, requester, slug)).worksites).toHaveLength(2);
    expect((await t.services.execute(loadConductOptions, requester, slug)).worksites).toHaveLength(2);
    expect(await t.services.execute(summarizeAssessments, requester, slug)).toBeTruthy();
    expect(await t.services.execute(previewPublicNumbers, requester, slug)).toBeTruthy();
    expect(await t.services.execute(listPetitions, requester, slug)).toEqual([]);
    expect(await t.services.execute(listMembersByWorksiteName, requester, slug)).not.toBeNull();

    expect(queued()).toEqual([]);
  });
});
