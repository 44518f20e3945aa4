import { and, desc, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Issue 11, item 4: every view of personal data leaves an audit row (who, what, which campaign)
// before the data leaves, as cards and assessments already do.

let t: TestApp;
let fixture: CampaignFixture;
let organizer: { id: string; email: string };
let committee: { id: string; email: string };
let viewer: { id: string; email: string };
const agents: Record<'organizer' | 'committee' | 'viewer', Agent> = {} as Record<'organizer' | 'committee' | 'viewer', Agent>;

beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { sites: 2, perSite: 3 });
  organizer = await createMember(t.database.db, fixture, 'admin');
  committee = await createMember(t.database.db, fixture, 'committee', [fixture.sites[0]!.id]);
  viewer = await createMember(t.database.db, fixture, 'viewer');
  for (const [role, account] of [['organizer', organizer], ['committee', committee], ['viewer', viewer]] as const) {
    agents[role] = t.agent();
    await agents[role].login(account.email, TEST_PASSWORD);
  }
  const person = fixture.people[0]!;
  const base = `/api/campaigns/${fixture.campaign.slug}`;
  expect((await agents.organizer.post(`${base}/people/${person.id}/conversations`, { channel: 'one_on_one', notes: 'Worried about evaluations.' })).statusCode).toBe(201);
  expect((await agents.organizer.post(`${base}/tasks`, { personId: person.id, title: 'Call back', assigneeAccountId: organizer.id })).statusCode).toBe(201);
  expect((await agents.organizer.post(`${base}/committee-lists/${committee.id}/people`, { personIds: [person.id] })).statusCode).toBeLessThan(300);
});
afterAll(async () => t.close());

const base = () => `/api/campaigns/${fixture.campaign.slug}`;

/** Runs the view and returns the audit rows it wrote. */
async function rowsWrittenBy(view: () => Promise<{ statusCode: number }>) {
  const [latest] = await t.database.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
  const since = latest?.id ?? 0;
  const response = await view();
  expect(response.statusCode).toBe(200);
  return t.database.db.select().from(auditEvents).where(gt(auditEvents.id, since));
}

describe('each view of personal data writes its audit row', () => {
  const cases: { name: string; who: 'organizer' | 'committee'; url: () => string; action: string; subject?: () => string }[] = [
    { name: 'a person’s conversation notes', who: 'organizer', url: () => `${base()}/people/${fixture.people[0]!.id}/conversations`, action: 'conversations.list_viewed', subject: () => fixture.people[0]!.id },
    { name: 'a person’s page (notes and tasks)', who: 'organizer', url: () => `${base()}/people/${fixture.people[0]!.id}`, action: 'conversations.viewed', subject: () => fixture.people[0]!.id },
    { name: 'coverage', who: 'organizer', url: () => `${base()}/coverage`, action: 'coverage.viewed' },
    { name: 'the committee lists', who: 'organizer', url: () => `${base()}/committee-lists`, action: 'committee.lists_viewed' },
    { name: 'a committee member’s own list', who: 'committee', url: () => `${base()}/committee-lists`, action: 'committee.lists_viewed' },
    { name: 'who is on the committee', who: 'organizer', url: () => `${base()}/committee-members`, action: 'committee.members_viewed' },
    { name: 'the people list', who: 'organizer', url: () => `${base()}/people`, action: 'people.list_viewed' },
    { name: 'a committee member’s people list', who: 'committee', url: () => `${base()}/people`, action: 'people.list_viewed' },
    { name: 'the roster export', who: 'organizer', url: () => `${base()}/people/export.csv`, action: 'export.roster' },
    { name: '"my tasks"', who: 'organizer', url: () => '/api/me/tasks', action: 'tasks.list_viewed' },
  ];

  for (const c of cases) {
    it(`${c.name}: who, what and which campaign`, async () => {
      const rows = await rowsWrittenBy(() => agents[c.who].get(c.url()));
      const account = c.who === 'organizer' ? organizer : committee;
      const row = rows.find((r) => r.action === c.action);
      expect(row, `${c.action} in ${rows.map((r) => r.action).join(', ')}`).toBeDefined();
      expect(row).toMatchObject({ actorAccountId: account.id, actorEmail: account.email, campaignId: fixture.campaign.id });
      if (c.subject) expect(row).toMatchObject({ subjectType: 'person', subjectId: c.subject() });
    });
  }

  it('a person’s record seen without ratings or notes still leaves its row', async () => {
    // The committee member sees people at their school, but the ratings only of their own list.
    const elsewhere = fixture.people.find((p) => p.worksiteId === fixture.sites[0]!.id && p.id !== fixture.people[0]!.id)!;
    const rows = await rowsWrittenBy(() => agents.committee.get(`${base()}/people/${elsewhere.id}`));
    const actions = rows.map((r) => r.action);
    expect(actions.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.actorAccountId === committee.id && r.campaignId === fixture.campaign.id && r.subjectId === elsewhere.id)).toBe(true);
  });

  it('a roster import with the rows it could not import', async () => {
    const csv = ['Employee ID,First Name,Last Name,Work Email,School,Job Title,Unit', 'N-9,,Nameless,nameless@school.example,Nowhere High,Teacher,Certificated'].join('\n');
    const imported = await agents.organizer.post(`${base()}/roster/imports`, { csv, effectiveDate: '2015-03-01' });
    expect(imported.statusCode).toBeLessThan(300);
    const importId = (imported.json() as { importId: string }).importId;
    const rows = await rowsWrittenBy(() => agents.organizer.get(`${base()}/roster/imports/${importId}`));
    expect(rows).toEqual([expect.objectContaining({ action: 'roster.import_viewed', actorAccountId: organizer.id, campaignId: fixture.campaign.id, subjectId: importId })]);
  });

  it('a refused view writes no row and shows nothing', async () => {
    const before = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.actorAccountId, viewer.id), eq(auditEvents.action, 'people.list_viewed')));
    expect((await agents.viewer.get(`${base()}/people`)).statusCode).toBe(403);
    const after = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.actorAccountId, viewer.id), eq(auditEvents.action, 'people.list_viewed')));
    expect(after).toHaveLength(before.length);
  });
});
