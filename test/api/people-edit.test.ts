import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, employments } from '../../src/db/schema/index.js';
import type { Role } from '../../src/domain/policies/campaign-policy.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fixture: CampaignFixture;
const agents = {} as Record<Role, Agent>;
beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { sites: 2, perSite: 2 });
  for (const role of ['admin', 'organizer', 'committee', 'viewer'] as const) {
    const account = await createMember(t.database.db, fixture, role);
    agents[role] = t.agent();
    await agents[role].login(account.email, TEST_PASSWORD);
  }
});
afterAll(async () => t.close());

const base = () => `/api/campaigns/${fixture.campaign.slug}`;
const patch = (agent: Agent, url: string, payload: unknown) => agent.request({ method: 'PATCH', url, payload: payload as Record<string, unknown> });
const rosterOn = async (asOf: string) => ((await agents.admin.get(`${base()}/people?asOf=${asOf}`)).json() as { people: { personId: string; worksiteName: string; jobTitle: string }[] }).people;

describe('editing people by hand', () => {
  it('adds a person with their first employment', async () => {
    const res = await agents.organizer.post(`${base()}/people`, {
      givenName: 'Hand',
      familyName: 'Made',
      employeeId: 'H-1',
      workEmail: 'Hand.Made@School.example',
      employment: { worksiteId: fixture.sites[1]!.id, unitId: fixture.unit.id, jobTitle: 'Counselor', startDate: '2015-01-05' },
    });
    expect(res.statusCode).toBe(201);
    const { person } = res.json() as { person: { id: string; workEmail: string } };
    expect(person.workEmail).toBe('hand.made@school.example');
    expect((await rosterOn('2015-01-05')).some((p) => p.personId === person.id)).toBe(true);
    expect((await rosterOn('2015-01-04')).some((p) => p.personId === person.id)).toBe(false);
    const dup = await agents.organizer.post(`${base()}/people`, { givenName: 'Dup', familyName: 'Licate', employeeId: 'H-1', employment: { worksiteId: fixture.sites[1]!.id, unitId: null, jobTitle: 'Aide', startDate: '2015-01-05' } });
    expect(dup.statusCode).toBe(409);
  });

  it('corrects a name and records a move to another school as history', async () => {
    const person = fixture.people[0]!;
    const renamed = await patch(agents.organizer, `${base()}/people/${person.id}`, { familyName: 'Corrected' });
    expect((renamed.json() as { person: { familyName: string } }).person.familyName).toBe('Corrected');

    const moved = await agents.organizer.post(`${base()}/people/${person.id}/employment-changes`, { kind: 'change', effectiveDate: '2015-04-01', worksiteId: fixture.sites[1]!.id, unitId: fixture.unit.id, jobTitle: 'Teacher, Math' });
    expect(moved.statusCode).toBe(200);
    expect((await rosterOn('2015-03-31')).find((p) => p.personId === person.id)?.worksiteName).toBe('School 1');
    expect((await rosterOn('2015-04-01')).find((p) => p.personId === person.id)).toMatchObject({ worksiteName: 'School 2', jobTitle: 'Teacher, Math' });

    const backwards = await agents.organizer.post(`${base()}/people/${person.id}/employment-changes`, { kind: 'leave', effectiveDate: '2015-03-01' });
    expect(backwards.statusCode).toBe(409);
    const left = await agents.organizer.post(`${base()}/people/${person.id}/employment-changes`, { kind: 'leave', effectiveDate: '2015-07-01' });
    expect(left.statusCode).toBe(200);
    expect((await rosterOn('2015-07-01')).some((p) => p.personId === person.id)).toBe(false);
    const jobs = await t.database.db.select().from(employments).where(eq(employments.personId, person.id));
    expect(jobs.map((j) => [j.startDate, j.endDate]).sort()).toEqual([
      ['2014-08-15', '2015-03-31'],
      ['2015-04-01', '2015-06-30'],
    ]);
    const actions = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, person.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['person.updated', 'employment.changed']));
  });

  it('committee members edit only people at their worksites, and cannot move anyone out to a school they do not have', async () => {
    const mine = fixture.people[1]!; // School 1
    const other = fixture.people[2]!; // School 2
    expect((await patch(agents.committee, `${base()}/people/${mine.id}`, { phone: '(323) 555-0101' })).statusCode).toBe(200);
    expect((await patch(agents.committee, `${base()}/people/${other.id}`, { phone: '(323) 555-0102' })).statusCode).toBe(404);
    const out = await agents.committee.post(`${base()}/people/${mine.id}/employment-changes`, { kind: 'change', effectiveDate: '2015-05-01', worksiteId: fixture.sites[1]!.id, unitId: fixture.unit.id, jobTitle: 'Teacher' });
    expect(out.statusCode).toBe(403);
    const create = await agents.committee.post(`${base()}/people`, { givenName: 'No', familyName: 'Access', employment: { worksiteId: fixture.sites[1]!.id, unitId: null, jobTitle: 'Aide', startDate: '2015-01-05' } });
    expect(create.statusCode).toBe(403);
  });

  it('viewers edit no one and see no one', async () => {
    const person = fixture.people[3]!;
    expect((await patch(agents.viewer, `${base()}/people/${person.id}`, { phone: '1' })).statusCode).toBe(403);
    expect((await agents.viewer.get(`${base()}/people/${person.id}`)).statusCode).toBe(403);
  });

  it('refuses bad input with fields and changes nothing', async () => {
    const person = fixture.people[3]!;
    const res = await patch(agents.admin, `${base()}/people/${person.id}`, { givenName: '', workEmail: 'nope' });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { fields: { field: string }[] } }).error.fields.map((f) => f.field).sort();
    expect(fields).toEqual(['body.givenName', 'body.workEmail']);
    const detail = (await agents.admin.get(`${base()}/people/${person.id}`)).json() as { person: { givenName: string } };
    expect(detail.person.givenName).toBe(person.givenName);
  });
});
