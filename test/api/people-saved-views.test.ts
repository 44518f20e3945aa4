import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Saved views of the people list (issue 12): per account and campaign, a name and the list's query.
let t: TestApp;
let fixture: CampaignFixture;
let organizer: Agent;
let committee: Agent;
let committeeId: string;

type View = { id: string; name: string; query: Record<string, string>; createdAt: string };
const base = () => `/api/campaigns/${fixture.campaign.slug}/people/views`;
const views = async (agent: Agent): Promise<View[]> => {
  const response = await agent.get(base());
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { views: View[] }).views;
};

beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { sites: 2, perSite: 2 });
  const organizerAccount = await createMember(t.database.db, fixture, 'organizer');
  const committeeAccount = await createMember(t.database.db, fixture, 'committee');
  committeeId = committeeAccount.id;
  organizer = t.agent();
  await organizer.login(organizerAccount.email, TEST_PASSWORD);
  committee = t.agent();
  await committee.login(committeeAccount.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

describe('saved views of the people list', () => {
  it('a committee member saves, lists and deletes their own views, audited; nobody else sees them', async () => {
    const worksiteId = fixture.people[0]!.worksiteId;
    const saved = await committee.post(base(), { name: 'My school, not rated', query: { worksiteId, rating: 'unknown', sort: 'last_contact' } });
    expect(saved.statusCode, saved.body).toBe(201);
    const view = saved.json() as View;
    expect(view).toMatchObject({ name: 'My school, not rated', query: { worksiteId, rating: 'unknown', sort: 'last_contact' } });
    expect((await organizer.post(base(), { name: 'Everyone by card', query: { sort: 'card' } })).statusCode).toBe(201);

    expect((await views(committee)).map((v) => v.name)).toEqual(['My school, not rated']);
    expect((await views(organizer)).map((v) => v.name)).toEqual(['Everyone by card']);

    // The same name again (any case) is a conflict on the name.
    const again = await committee.post(base(), { name: 'my school, NOT rated', query: {} });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'conflict', fields: [{ field: 'name' }] } });

    const audit = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'people.view_saved'), eq(auditEvents.actorAccountId, committeeId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ name: 'My school, not rated' });

    const deleted = await committee.request({ method: 'DELETE', url: `${base()}/${view.id}` });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(await views(committee)).toEqual([]);
    const deletions = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'people.view_deleted'), eq(auditEvents.actorAccountId, committeeId)));
    expect(deletions).toHaveLength(1);
  });

  it('another account cannot delete your view', async () => {
    const saved = await organizer.post(base(), { name: 'Waiting cards', query: { card: 'waiting' } });
    expect(saved.statusCode, saved.body).toBe(201);
    const { id } = saved.json() as View;
    const response = await committee.request({ method: 'DELETE', url: `${base()}/${id}` });
    expect(response.statusCode).toBe(404);
    expect((await views(organizer)).map((v) => v.name)).toContain('Waiting cards');
  });

  it('refuses bad input with the field at fault', async () => {
    const cases: { body: unknown; field: string }[] = [
      { body: { name: '', query: {} }, field: 'body.name' },
      { body: { name: 'x'.repeat(81), query: {} }, field: 'body.name' },
      { body: { name: 'Bad rating', query: { rating: '9' } }, field: 'body.query.rating' },
      { body: { name: 'Bad sort', query: { sort: 'salary' } }, field: 'body.query.sort' },
      { body: { name: 'Bad school', query: { worksiteId: 'nope' } }, field: 'body.query.worksiteId' },
      { body: { name: 'A cursor', query: { after: 'abc' } }, field: 'body.query' },
    ];
    for (const c of cases) {
      const response = await organizer.post(base(), c.body);
      expect(response.statusCode, JSON.stringify(c.body)).toBe(400);
      const fields = (response.json() as { error: { code: string; fields: { field: string }[] } }).error;
      expect(fields.code).toBe('validation_failed');
      expect(fields.fields.some((f) => f.field.startsWith(c.field)), `${JSON.stringify(c.body)}: ${JSON.stringify(fields.fields)}`).toBe(true);
    }
    const badId = await organizer.request({ method: 'DELETE', url: `${base()}/not-a-uuid` });
    expect(badId.statusCode).toBe(400);
  });
});
