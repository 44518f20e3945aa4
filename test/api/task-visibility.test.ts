import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, tasks } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fixture: CampaignFixture;
let organizer: Agent;
let committeeId: string;
beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { sites: 2, perSite: 2 });
  const account = await createMember(t.database.db, fixture, 'organizer');
  committeeId = (await createMember(t.database.db, fixture, 'committee', [fixture.sites[0]!.id])).id;
  organizer = t.agent();
  await organizer.login(account.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const base = () => `/api/campaigns/${fixture.campaign.slug}`;
const fields = (body: unknown) => ((body as { error: { fields?: { field: string }[] } }).error.fields ?? []).map((f) => f.field);

describe('a task goes only to someone who may see the person it is about', () => {
  it('refuses a task about a teacher at another school for a committee member, and allows one at their school', async () => {
    const elsewhere = fixture.people.find((p) => p.worksiteId === fixture.sites[1]!.id)!;
    const atTheirSchool = fixture.people.find((p) => p.worksiteId === fixture.sites[0]!.id)!;
    const refused = await organizer.post(`${base()}/tasks`, { personId: elsewhere.id, title: 'Talk to them about the card', assigneeAccountId: committeeId });
    expect(refused.statusCode).toBe(400);
    expect(fields(refused.json())).toContain('assigneeAccountId');
    expect(await t.database.db.select().from(tasks).where(eq(tasks.personId, elsewhere.id))).toHaveLength(0);

    const allowed = await organizer.post(`${base()}/tasks`, { personId: atTheirSchool.id, title: 'Bring a card', assigneeAccountId: committeeId });
    expect(allowed.statusCode).toBe(201);
  });

  it('refuses such a follow-up when logging a conversation, writing nothing', async () => {
    const elsewhere = fixture.people.find((p) => p.worksiteId === fixture.sites[1]!.id)!;
    const res = await organizer.post(`${base()}/people/${elsewhere.id}/conversations`, { channel: 'one_on_one', notes: 'Worried about evaluations.', followUps: [{ title: 'Follow up', assigneeAccountId: committeeId }] });
    expect(res.statusCode).toBe(400);
    expect(fields(res.json())).toContain('assigneeAccountId');
    expect(await t.database.db.select().from(conversations).where(eq(conversations.personId, elsewhere.id))).toHaveLength(0);
  });

  it('refuses handing an existing task about such a person to that committee member', async () => {
    const elsewhere = fixture.people.filter((p) => p.worksiteId === fixture.sites[1]!.id)[1]!;
    const created = await organizer.post(`${base()}/tasks`, { personId: elsewhere.id, title: 'Ask about the meeting' });
    expect(created.statusCode).toBe(201);
    const { task } = created.json() as { task: { id: string } };
    const moved = await organizer.request({ method: 'PATCH', url: `${base()}/tasks/${task.id}`, payload: { assigneeAccountId: committeeId } });
    expect(moved.statusCode).toBe(400);
    expect(fields(moved.json())).toContain('assigneeAccountId');
  });
});
