import { randomBytes } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { committeeAssignments } from '../../src/db/schema/index.js';
import { addCardText, insertCard } from '../support/card-fixtures.js';
import { addMember, createAccount, createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createPetition } from '../support/petition-helpers.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Every route a campaign or instance exposes, against every kind of caller. The table is the
// specification: a new route gets a row here, and a status nobody wrote down fails the test.

type Who = 'admin' | 'organizer' | 'committee' | 'viewer' | 'nonMember' | 'anonymous' | 'instanceAdmin';
const everyone: Who[] = ['admin', 'organizer', 'committee', 'viewer', 'nonMember', 'anonymous', 'instanceAdmin'];

type Route = { method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: (c: Context) => string; body?: (c: Context) => unknown; expect: Record<Who, number> };
type Context = { slug: string; targetAccountId: string; cardId: string; otherSchoolCardId: string; personId: string; worksiteId: string; unitId: string; petitionId: string };

// `instanceAdmin` runs the instance but is not a member of this campaign: like any non-member, it
// learns nothing about the campaign (404).
const memberOnly = { nonMember: 404, anonymous: 401, instanceAdmin: 404 } as const;
const adminOnly = { admin: 200, organizer: 403, committee: 403, viewer: 403, ...memberOnly } as const;
const instanceOnly = { admin: 403, organizer: 403, committee: 403, viewer: 403, nonMember: 403, anonymous: 401, instanceAdmin: 200 } as const;
const conductOnly = { admin: 200, organizer: 200, committee: 403, viewer: 403, ...memberOnly } as const;
// The public site's content (newsletters, endorsements, press, events): admins and organizers.
const publicManage = { admin: 200, organizer: 200, committee: 403, viewer: 403, ...memberOnly } as const;
const anyone = { admin: 200, organizer: 200, committee: 200, viewer: 200, nonMember: 200, anonymous: 200, instanceAdmin: 200 } as const;
const importers = { admin: 200, organizer: 200, committee: 403, viewer: 403, ...memberOnly } as const;
// People data: committee members at their worksites (the person below is at theirs and on their list).
const peopleData = (ok: number) => ({ admin: ok, organizer: ok, committee: ok, viewer: 403, ...memberOnly }) as const;
const MISSING = '00000000-0000-4000-8000-000000000000';
const rosterCsv = 'Employee ID,First Name,Last Name,School,Job Title\nP-1,Pat,Policy,School 1,Teacher\n';

const routes: Route[] = [
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}`, expect: { admin: 200, organizer: 200, committee: 200, viewer: 200, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/dashboard`, expect: { admin: 200, organizer: 200, committee: 200, viewer: 200, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/people`, expect: { admin: 200, organizer: 200, committee: 200, viewer: 403, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/people/export.csv`, expect: adminOnly },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/members`, expect: adminOnly },
  { method: 'PUT', url: (c) => `/api/campaigns/${c.slug}/members/${c.targetAccountId}`, body: () => ({ role: 'viewer' }), expect: adminOnly },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/audit`, expect: adminOnly },
  // The employer-conduct log: organizers and admins; exports and the legal mapping: admins.
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/conduct/options`, expect: conductOnly },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/conduct/incidents`, expect: conductOnly },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/conduct/incidents`, body: () => ({ occurredOn: '2015-03-01', kind: 'threat', title: 'A threat' }), expect: { ...conductOnly, admin: 201, organizer: 201 } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/conduct/agents`, expect: conductOnly },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/conduct/agents`, body: () => ({ name: `A Principal ${randomBytes(4).toString('hex')}`, role: 'principal' }), expect: { ...conductOnly, admin: 201, organizer: 201 } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/conduct/provisions`, expect: conductOnly },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/conduct/provisions`, body: () => ({ code: `Local rule ${randomBytes(4).toString('hex')}`, title: 'A local rule' }), expect: { ...adminOnly, admin: 201 } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/conduct/attachments`, expect: conductOnly },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/conduct/export/chronology.pdf`, expect: adminOnly },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/conduct/export/chronology.csv`, expect: adminOnly },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/conduct/export/exhibits.zip`, expect: adminOnly },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/newsletters`, expect: publicManage },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/newsletters`, body: () => ({ title: `Issue ${randomBytes(4).toString('hex')}` }), expect: { ...publicManage, admin: 201, organizer: 201 } },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/newsletters/preview`, body: () => ({ bodyMarkdown: '*hi*' }), expect: publicManage },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/endorsements`, expect: publicManage },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/endorsements`, body: () => ({ endorserName: 'A Union', endorserKind: 'organization', level: 'union', endorsedOn: '2015-05-01' }), expect: { ...publicManage, admin: 201, organizer: 201 } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/press`, expect: publicManage },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/press`, body: () => ({ kind: 'news', outlet: 'A Paper', headline: 'A story', publishedOn: '2015-05-01', url: 'https://paper.example/a' }), expect: { ...publicManage, admin: 201, organizer: 201 } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/events`, expect: publicManage },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/events`, body: () => ({ kind: 'meeting', title: `Meeting ${randomBytes(4).toString('hex')}`, startDay: '2030-05-01', startTime: '10:00', endDay: '2030-05-01', endTime: '11:00' }), expect: { ...publicManage, admin: 201, organizer: 201 } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/filing-packets/preview?unitId=${c.unitId}&filingDate=2015-06-15`, expect: adminOnly },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/filing-packets`, body: (c) => ({ unitId: c.unitId, filingDate: '2015-06-15', copy: 'service', format: 'csv' }), expect: adminOnly },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/cards/verify`, expect: adminOnly },
  // Petitions: organizers and admins write them and review held signatures; only admins export signers.
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/petitions`, expect: publicManage },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/petitions`, body: () => ({ slug: `p-${randomBytes(4).toString('hex')}`, title: 'T', text: 'T', target: 'B', goal: 10 }), expect: { ...publicManage, admin: 201, organizer: 201 } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/petitions/${c.petitionId}`, expect: publicManage },
  { method: 'PUT', url: (c) => `/api/campaigns/${c.slug}/petitions/${c.petitionId}`, body: () => ({ goal: 100 }), expect: publicManage },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/petitions/${c.petitionId}/held`, expect: publicManage },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/petitions/${c.petitionId}/held/00000000-0000-4000-8000-000000000000/approve`, expect: { ...publicManage, admin: 404, organizer: 404 } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/petitions/${c.petitionId}/signers.csv`, expect: adminOnly },
  { method: 'GET', url: () => '/api/admin/users', expect: instanceOnly },
  { method: 'POST', url: () => '/api/admin/users', body: () => ({ email: `new-${randomBytes(4).toString('hex')}@example.org`, name: 'New Person' }), expect: { ...instanceOnly, instanceAdmin: 201 } },
  { method: 'GET', url: () => '/api/admin/audit', expect: instanceOnly },
  { method: 'GET', url: () => '/api/admin/outbox', expect: instanceOnly },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/roster/imports/dry-run`, body: () => ({ csv: rosterCsv }), expect: importers },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/roster/imports`, expect: importers },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/roster/mapping`, expect: importers },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/people/${c.personId}`, expect: peopleData(200) },
  { method: 'PATCH', url: (c) => `/api/campaigns/${c.slug}/people/${c.personId}`, body: () => ({ phone: '(323) 555-0100' }), expect: peopleData(200) },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/people/${c.personId}/assessments`, body: () => ({ level: 2 }), expect: peopleData(201) },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/people/${c.personId}/assessments`, expect: peopleData(200) },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/assessments`, expect: peopleData(200) },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/assessments/summary`, expect: { admin: 200, organizer: 200, committee: 200, viewer: 200, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/assessments/summary?asOf=2015-06-15`, expect: { admin: 200, organizer: 200, committee: 403, viewer: 200, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/dashboard?asOf=2015-06-15`, expect: { admin: 200, organizer: 200, committee: 403, viewer: 200, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/wall-chart`, expect: peopleData(200) },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/people/${c.personId}/conversations`, body: () => ({ channel: 'call' }), expect: peopleData(201) },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/people/${c.personId}/conversations`, expect: peopleData(200) },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/tasks`, body: (c) => ({ title: 'Follow up', personId: c.personId }), expect: peopleData(201) },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/committee-lists`, expect: peopleData(200) },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/committee-members`, expect: importers },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/coverage`, expect: peopleData(200) },
  { method: 'GET', url: () => '/api/me/tasks', expect: { ...anyone, anonymous: 401 } },
  // Support cards and the majority math (committee members: cards at their own worksites only).
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/majority`, expect: { admin: 200, organizer: 200, committee: 200, viewer: 200, ...memberOnly } },
  // Figures of another day, and growth: committee members would read their schools day by day (decision 0023).
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/majority?asOf=2015-06-15`, expect: { admin: 200, organizer: 200, committee: 403, viewer: 200, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/growth`, expect: { admin: 200, organizer: 200, committee: 403, viewer: 200, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/card-texts`, expect: { admin: 200, organizer: 200, committee: 200, viewer: 200, ...memberOnly } },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/card-texts`, body: () => ({ title: 'Card', body: 'I want {employer} to recognize our union.' }), expect: { ...adminOnly, admin: 201 } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/cards`, expect: { admin: 200, organizer: 200, committee: 200, viewer: 403, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/cards/${c.cardId}`, expect: { admin: 200, organizer: 200, committee: 200, viewer: 403, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/cards/${c.otherSchoolCardId}`, expect: { admin: 200, organizer: 200, committee: 404, viewer: 403, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/cards/review`, expect: { admin: 200, organizer: 200, committee: 403, viewer: 403, ...memberOnly } },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/cards/${c.cardId}/match`, body: (c) => ({ personId: c.personId }), expect: { admin: 200, organizer: 200, committee: 403, viewer: 403, ...memberOnly } },
  {
    method: 'POST',
    url: (c) => `/api/campaigns/${c.slug}/cards/paper`,
    body: (c) => ({ signerName: 'Paper Signer', worksiteId: c.worksiteId, jobTitle: 'Teacher', signedOn: '2015-05-01', cardTextVersion: 1, scan: { filename: 'card.pdf', contentType: 'application/pdf', dataBase64: 'JVBERi0xLjQK' } }),
    expect: { admin: 201, organizer: 201, committee: 403, viewer: 403, ...memberOnly },
  },
  // Verification (decision 0023): organizers, and committee members at their schools; the card
  // here does not exist, so those allowed past the policy learn only that (404).
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/cards/waiting`, expect: { admin: 200, organizer: 200, committee: 200, viewer: 403, ...memberOnly } },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/cards/${MISSING}/verification`, body: () => ({ method: 'in_person' }), expect: { admin: 404, organizer: 404, committee: 404, viewer: 403, ...memberOnly } },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/cards/${MISSING}/answer`, body: () => ({ answer: 'signed' }), expect: { admin: 404, organizer: 404, committee: 404, viewer: 403, ...memberOnly } },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/cards/${MISSING}/dismiss`, body: () => ({ reason: 'Not on the roster' }), expect: { admin: 404, organizer: 404, committee: 403, viewer: 403, ...memberOnly } },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/card-texts/${MISSING}/approve`, expect: { admin: 404, organizer: 404, committee: 403, viewer: 403, ...memberOnly } },
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/employers`, expect: importers },
  { method: 'PUT', url: (c) => `/api/campaigns/${c.slug}/employers/${MISSING}/email-domains`, body: () => ({ emailDomains: ['district.example'] }), expect: { admin: 404, organizer: 404, committee: 403, viewer: 403, ...memberOnly } },
  // Public numbers: organizers and admins preview, publish and set how.
  { method: 'GET', url: (c) => `/api/campaigns/${c.slug}/public-numbers`, expect: publicManage },
  { method: 'PUT', url: (c) => `/api/campaigns/${c.slug}/public-numbers/settings`, body: () => ({ granularity: 5, autoPublish: false }), expect: publicManage },
  { method: 'POST', url: (c) => `/api/campaigns/${c.slug}/public-numbers`, expect: { ...publicManage, admin: 201, organizer: 201 } },
  // The public site is public: the same page for everyone, signed in or not.
  { method: 'GET', url: (c) => `/c/${c.slug}`, expect: anyone },
  { method: 'GET', url: (c) => `/c/${c.slug}/news`, expect: anyone },
  { method: 'GET', url: (c) => `/c/${c.slug}/news/feed.xml`, expect: anyone },
  { method: 'GET', url: (c) => `/c/${c.slug}/endorsements`, expect: anyone },
  { method: 'GET', url: (c) => `/c/${c.slug}/press`, expect: anyone },
  { method: 'GET', url: (c) => `/c/${c.slug}/events`, expect: anyone },
  { method: 'GET', url: (c) => `/c/${c.slug}/news/subscribe`, expect: anyone },
  { method: 'GET', url: (c) => `/c/${c.slug}/card`, expect: anyone },
];

let t: TestApp;
let fixture: CampaignFixture;
let context: Context;
const agents = {} as Record<Who, Agent>;
const accountIds = {} as Record<Exclude<Who, 'anonymous'>, string>;

async function signedIn(email: string): Promise<Agent> {
  const agent = t.agent();
  await agent.login(email, TEST_PASSWORD);
  return agent;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  fixture = await createCampaign(db, { sites: 3, perSite: 4 });
  // Another campaign the non-member belongs to: being signed in elsewhere grants nothing here.
  const elsewhere = await createCampaign(db);
  for (const role of ['admin', 'organizer', 'committee', 'viewer'] as const) {
    const account = await createMember(db, fixture, role);
    accountIds[role] = account.id;
    agents[role] = await signedIn(account.email);
  }
  const nonMember = await createMember(db, elsewhere, 'admin');
  accountIds.nonMember = nonMember.id;
  agents.nonMember = await signedIn(nonMember.email);
  const instanceAdmin = await createAccount(db, { instanceAdmin: true });
  accountIds.instanceAdmin = instanceAdmin.id;
  agents.instanceAdmin = await signedIn(instanceAdmin.email);
  agents.anonymous = t.agent();
  const target = await createMember(db, fixture, 'viewer');
  const petition = await createPetition(db, fixture.campaign.id);
  const text = await addCardText(db, fixture.campaign.id);
  const [mine, other] = [fixture.people[0]!, fixture.people.find((p) => p.worksiteId !== fixture.sites[0]!.id)!];
  const card = await insertCard(db, { campaignId: fixture.campaign.id, cardTextId: text.id, worksiteId: mine.worksiteId, personId: null, signedOn: '2015-04-01' });
  const otherCard = await insertCard(db, { campaignId: fixture.campaign.id, cardTextId: text.id, worksiteId: other.worksiteId, personId: other.id, signedOn: '2015-04-01' });
  // The committee member organizes `mine`: their list, so their assessments are theirs to see.
  await db.insert(committeeAssignments).values({ personId: mine.id, campaignId: fixture.campaign.id, accountId: accountIds.committee });
  context = { slug: fixture.campaign.slug, targetAccountId: target.id, cardId: card.id, otherSchoolCardId: otherCard.id, personId: mine.id, worksiteId: fixture.sites[0]!.id, unitId: fixture.unit.id, petitionId: petition.id };
});
afterAll(async () => t.close());

const send = (who: Who, route: Route): Promise<LightMyRequestResponse> =>
  agents[who].request({ method: route.method, url: route.url(context), ...(route.body ? { payload: route.body(context) as Record<string, unknown> } : {}) });

describe('role × route', () => {
  for (const route of routes) {
    for (const who of everyone) {
      const status = route.expect[who];
      it(`${route.method} ${route.url({ slug: ':slug', targetAccountId: ':accountId', cardId: ':cardId', otherSchoolCardId: ':otherSchoolCardId', personId: ':personId', worksiteId: ':worksiteId', unitId: ':unitId', petitionId: ':petitionId' })} as ${who} → ${status}`, async () => {
        const res = await send(who, route);
        expect(res.statusCode, res.body).toBe(status);
        if (status >= 400) {
          const code = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[status];
          expect((res.json() as { error: { code: string } }).error.code).toBe(code);
        }
      });
    }
  }
});

describe('who sees whom', () => {
  type People = { people: { personId: string; worksiteId: string; givenName: string; familyName: string }[] };

  it('a committee member sees only the people at the worksites assigned to them', async () => {
    const res = await agents.committee.get(`/api/campaigns/${fixture.campaign.slug}/people`);
    expect(res.statusCode).toBe(200);
    const { people } = res.json() as People;
    const mine = fixture.people.filter((p) => p.worksiteId === fixture.sites[0]!.id);
    expect(people.map((p) => p.personId).sort()).toEqual(mine.map((p) => p.id).sort());
    const others = fixture.people.filter((p) => p.worksiteId !== fixture.sites[0]!.id);
    for (const p of others) expect(res.body).not.toContain(p.familyName);
  });

  it('a committee member with two worksites sees both and nothing else', async () => {
    const [a, , c] = fixture.sites;
    const account = await createMember(t.database.db, fixture, 'committee', [a!.id, c!.id]);
    const agent = await signedIn(account.email);
    const { people } = (await agent.get(`/api/campaigns/${fixture.campaign.slug}/people`)).json() as People;
    expect(new Set(people.map((p) => p.worksiteId))).toEqual(new Set([a!.id, c!.id]));
    expect(people).toHaveLength(fixture.people.filter((p) => p.worksiteId === a!.id || p.worksiteId === c!.id).length);
  });

  it('a committee member with no worksite left sees no one', async () => {
    const account = await createAccount(t.database.db);
    await addMember(t.database.db, account.id, fixture.campaign.id, 'committee', []);
    const agent = await signedIn(account.email);
    const res = await agent.get(`/api/campaigns/${fixture.campaign.slug}/people`);
    expect(res.statusCode).toBe(403);
    expect(res.body).not.toContain(fixture.people[0]!.familyName);
  });

  it('organizers and admins see everyone', async () => {
    for (const who of ['organizer', 'admin'] as const) {
      const { people } = (await agents[who].get(`/api/campaigns/${fixture.campaign.slug}/people`)).json() as People;
      expect(people).toHaveLength(fixture.people.length);
    }
  });

  it('a viewer gets aggregates only: counts, never a name', async () => {
    const dashboard = await agents.viewer.get(`/api/campaigns/${fixture.campaign.slug}/dashboard`);
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.json()).toMatchObject({ eligible: fixture.people.length, worksites: fixture.sites.length });
    const overview = await agents.viewer.get(`/api/campaigns/${fixture.campaign.slug}`);
    expect(overview.statusCode).toBe(200);
    for (const res of [dashboard, overview]) {
      for (const p of fixture.people) {
        expect(res.body).not.toContain(p.familyName);
        expect(res.body).not.toContain(p.id);
      }
    }
  });

  it('a non-member gets the same 404 as for a campaign that does not exist', async () => {
    const real = await agents.nonMember.get(`/api/campaigns/${fixture.campaign.slug}/people`);
    const missing = await agents.nonMember.get('/api/campaigns/no-such-campaign/people');
    expect(real.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(real.json()).toEqual(missing.json());
    expect(real.body).not.toContain(fixture.campaign.name);
  });

  it('a refused write changes nothing', async () => {
    const before = await agents.admin.get(`/api/campaigns/${fixture.campaign.slug}/members`);
    const res = await agents.organizer.put(`/api/campaigns/${fixture.campaign.slug}/members/${accountIds.organizer}`, { role: 'admin' });
    expect(res.statusCode).toBe(403);
    const after = await agents.admin.get(`/api/campaigns/${fixture.campaign.slug}/members`);
    expect(after.json()).toEqual(before.json());
  });
});
