import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import type { Role } from '../../src/domain/policies/campaign-policy.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fixture: CampaignFixture;
const agents = {} as Record<Role, Agent>;
const accountIds = {} as Record<Role, string>;
beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { sites: 2, perSite: 2 });
  for (const role of ['admin', 'organizer', 'committee', 'viewer'] as const) {
    const account = await createMember(t.database.db, fixture, role);
    accountIds[role] = account.id;
    agents[role] = t.agent();
    await agents[role].login(account.email, TEST_PASSWORD);
  }
});
afterAll(async () => t.close());

const base = () => `/api/campaigns/${fixture.campaign.slug}`;
type Task = { id: string; title: string; dueDate: string | null; done: boolean; assigneeAccountId: string; personName?: string; campaign?: { slug: string } };

describe('conversations', () => {
  it('logs a one-on-one with issues, next step and follow-up tasks, and lists it on the person', async () => {
    const person = fixture.people[0]!;
    const res = await agents.organizer.post(`${base()}/people/${person.id}/conversations`, {
      occurredAt: '2015-03-10T16:30:00-07:00',
      channel: 'one_on_one',
      issues: ['Evaluations', 'class size', 'evaluations'],
      notes: 'Worried about the new evaluation rubric.',
      nextStep: 'Invite to the Thursday meeting',
      followUps: [
        { title: 'Call back after the staff meeting', dueDate: '2015-03-14' },
        { title: 'Bring the card', dueDate: '2015-03-12', assigneeAccountId: accountIds.committee },
      ],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json() as { conversation: { issues: string[]; organizer: string; occurredAt: string }; tasks: Task[] };
    expect(body.conversation.issues).toEqual(['evaluations', 'class size']);
    expect(body.conversation.occurredAt).toBe('2015-03-10T23:30:00.000Z');
    expect(body.tasks.map((tk) => tk.assigneeAccountId)).toEqual([accountIds.organizer, accountIds.committee]);

    const listed = (await agents.admin.get(`${base()}/people/${person.id}/conversations`)).json() as { conversations: { nextStep: string }[] };
    expect(listed.conversations.map((c) => c.nextStep)).toEqual(['Invite to the Thursday meeting']);
  });

  it('rejects an unknown channel and a task assignee who is not an organizer here', async () => {
    const person = fixture.people[1]!;
    const badChannel = await agents.organizer.post(`${base()}/people/${person.id}/conversations`, { channel: 'carrier pigeon' });
    expect(badChannel.statusCode).toBe(400);
    const badAssignee = await agents.organizer.post(`${base()}/people/${person.id}/conversations`, { channel: 'call', followUps: [{ title: 'x', assigneeAccountId: accountIds.viewer }] });
    expect(badAssignee.statusCode).toBe(400);
    expect((badAssignee.json() as { error: { fields: { field: string }[] } }).error.fields[0]!.field).toBe('assigneeAccountId');
    const listed = (await agents.admin.get(`${base()}/people/${person.id}/conversations`)).json() as { conversations: unknown[] };
    expect(listed.conversations).toHaveLength(0);
  });

  it('committee members log conversations at their worksites only; viewers never', async () => {
    const mine = fixture.people[0]!; // School 1
    const other = fixture.people[2]!; // School 2
    expect((await agents.committee.post(`${base()}/people/${mine.id}/conversations`, { channel: 'text' })).statusCode).toBe(201);
    expect((await agents.committee.post(`${base()}/people/${other.id}/conversations`, { channel: 'text' })).statusCode).toBe(404);
    expect((await agents.committee.get(`${base()}/people/${other.id}/conversations`)).statusCode).toBe(404);
    expect((await agents.viewer.post(`${base()}/people/${mine.id}/conversations`, { channel: 'text' })).statusCode).toBe(403);
    expect((await agents.viewer.get(`${base()}/people/${mine.id}/conversations`)).statusCode).toBe(403);
  });
});

describe('conversations logged with a date only', () => {
  type Logged = { occurredAt: string; occurredOn: string | null; nextStep: string };

  it('keeps the day without inventing a time, and orders it at noon of that day in the campaign zone', async () => {
    const person = fixture.people[3]!;
    const path = `${base()}/people/${person.id}/conversations`;
    const dayOnly = await agents.organizer.post(path, { occurredOn: '2015-04-02', channel: 'call', nextStep: 'day only' });
    expect(dayOnly.statusCode).toBe(201);
    const logged = (dayOnly.json() as { conversation: Logged }).conversation;
    expect(logged.occurredOn).toBe('2015-04-02');
    // Noon in Los Angeles (PDT, UTC-7): the same calendar day in UTC.
    expect(logged.occurredAt).toBe('2015-04-02T19:00:00.000Z');

    const timed = await agents.organizer.post(path, { occurredAt: '2015-04-02T08:15:00-07:00', channel: 'call', nextStep: 'with a time' });
    expect((timed.json() as { conversation: Logged }).conversation.occurredOn).toBeNull();

    const listed = (await agents.admin.get(path)).json() as { conversations: Logged[] };
    expect(listed.conversations.map((c) => [c.nextStep, c.occurredOn])).toEqual([
      ['day only', '2015-04-02'],
      ['with a time', null],
    ]);
    const page = (await agents.admin.get(`${base()}/people/${person.id}`)).json() as { conversations: Logged[] };
    expect(page.conversations.map((c) => c.occurredOn)).toEqual(['2015-04-02', null]);
  });

  it('refuses a date and a time given twice, or a date that is not one, and saves nothing', async () => {
    const person = fixture.people[2]!;
    const path = `${base()}/people/${person.id}/conversations`;
    const before = ((await agents.admin.get(path)).json() as { conversations: unknown[] }).conversations.length;
    const both = await agents.organizer.post(path, { occurredOn: '2015-04-02', occurredAt: '2015-04-02T08:15:00-07:00', channel: 'call' });
    expect(both.statusCode).toBe(400);
    const bothError = (both.json() as { error: { code: string; fields: { field: string; reason: string }[] } }).error;
    expect(bothError.code).toBe('validation_failed');
    expect(bothError.fields[0]!.field).toBe('body.occurredOn');
    expect(bothError.fields[0]!.reason).toMatch(/not both/);
    const notADay = await agents.organizer.post(path, { occurredOn: '2015-02-30', channel: 'call' });
    expect(notADay.statusCode).toBe(400);
    expect((notADay.json() as { error: { fields: { field: string }[] } }).error.fields[0]!.field).toBe('body.occurredOn');
    expect(((await agents.admin.get(path)).json() as { conversations: unknown[] }).conversations).toHaveLength(before);
  });
});

describe('tasks', () => {
  it('"my tasks" lists open tasks assigned to me, soonest due first, and marks them done', async () => {
    const person = fixture.people[1]!;
    await agents.admin.post(`${base()}/tasks`, { personId: person.id, title: 'Later', dueDate: '2015-06-01', assigneeAccountId: accountIds.organizer });
    await agents.admin.post(`${base()}/tasks`, { personId: person.id, title: 'Sooner', dueDate: '2015-05-01', assigneeAccountId: accountIds.organizer });
    await agents.admin.post(`${base()}/tasks`, { personId: null, title: 'Whenever', assigneeAccountId: accountIds.organizer });
    const mine = (await agents.organizer.get('/api/me/tasks')).json() as { tasks: Task[] };
    const titles = mine.tasks.map((tk) => tk.title);
    expect(titles.indexOf('Sooner')).toBeLessThan(titles.indexOf('Later'));
    expect(titles.at(-1)).toBe('Whenever');
    expect(mine.tasks.find((tk) => tk.title === 'Sooner')).toMatchObject({ personName: `${person.givenName} ${person.familyName}`, campaign: { slug: fixture.campaign.slug } });

    const sooner = mine.tasks.find((tk) => tk.title === 'Sooner')!;
    const done = await agents.organizer.request({ method: 'PATCH', url: `${base()}/tasks/${sooner.id}`, payload: { done: true } });
    expect(done.statusCode).toBe(200);
    expect((done.json() as { task: Task }).task.done).toBe(true);
    const after = (await agents.organizer.get('/api/me/tasks')).json() as { tasks: Task[] };
    expect(after.tasks.map((tk) => tk.title)).not.toContain('Sooner');
    const all = (await agents.organizer.get('/api/me/tasks?includeDone=true')).json() as { tasks: Task[] };
    expect(all.tasks.at(-1)?.title).toBe('Sooner');
  });

  it('only the assignee, the creator or an organizer changes a task', async () => {
    const created = (await agents.organizer.post(`${base()}/tasks`, { personId: fixture.people[0]!.id, title: 'Mine', assigneeAccountId: accountIds.organizer })).json() as { task: Task };
    const committee = await agents.committee.request({ method: 'PATCH', url: `${base()}/tasks/${created.task.id}`, payload: { done: true } });
    expect(committee.statusCode).toBe(403);
    const viewer = await agents.viewer.request({ method: 'PATCH', url: `${base()}/tasks/${created.task.id}`, payload: { done: true } });
    expect(viewer.statusCode).toBe(403);
    const admin = await agents.admin.request({ method: 'PATCH', url: `${base()}/tasks/${created.task.id}`, payload: { dueDate: '2015-07-01' } });
    expect((admin.json() as { task: Task }).task.dueDate).toBe('2015-07-01');
  });

  it('needs a session', async () => {
    expect((await t.agent().get('/api/me/tasks')).statusCode).toBe(401);
  });
});

describe('every view of conversation notes and tasks is audited', () => {
  const auditRows = (action: string, actor: string) => t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.actorAccountId, actor))).orderBy(auditEvents.id);

  it('a person’s conversations, on their own and on the person page', async () => {
    const person = fixture.people[0]!;
    const listed = await agents.admin.get(`${base()}/people/${person.id}/conversations`);
    expect(listed.statusCode).toBe(200);
    const row = (await auditRows('conversations.list_viewed', accountIds.admin)).at(-1);
    expect(row).toMatchObject({ campaignId: fixture.campaign.id, subjectType: 'person', subjectId: person.id });
    expect(row?.details).toMatchObject({ view: 'history', count: (listed.json() as { conversations: unknown[] }).conversations.length });

    // A committee member reads the notes only once the person is on their list (maySeePersonalDetail).
    expect((await agents.committee.get(`${base()}/people/${person.id}`)).statusCode).toBe(200);
    expect(await auditRows('conversations.viewed', accountIds.committee)).toHaveLength(0);
    expect((await agents.organizer.post(`${base()}/committee-lists/${accountIds.committee}/people`, { personIds: [person.id] })).statusCode).toBe(200);
    expect((await agents.committee.get(`${base()}/people/${person.id}`)).statusCode).toBe(200);
    const page = (await auditRows('conversations.viewed', accountIds.committee)).at(-1);
    expect(page).toMatchObject({ campaignId: fixture.campaign.id, subjectType: 'person', subjectId: person.id });
  });

  it('"my tasks", once per campaign whose tasks are shown', async () => {
    const before = (await auditRows('tasks.list_viewed', accountIds.organizer)).length;
    const mine = (await agents.organizer.get('/api/me/tasks')).json() as { tasks: Task[] };
    const rows = await auditRows('tasks.list_viewed', accountIds.organizer);
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ campaignId: fixture.campaign.id, details: { view: 'mine', count: mine.tasks.length } });
  });

  it('a refused view writes nothing', async () => {
    const person = fixture.people[0]!;
    expect((await agents.viewer.get(`${base()}/people/${person.id}/conversations`)).statusCode).toBe(403);
    expect(await auditRows('conversations.list_viewed', accountIds.viewer)).toHaveLength(0);
  });
});
