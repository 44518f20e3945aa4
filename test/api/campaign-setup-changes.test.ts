import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bargainingUnits, employers, worksites } from '../../src/db/schema/index.js';
import { addCardText, signByForm } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Issue 12: employers, schools and units can be changed and removed after set-up; removal is
// refused (409 in_use) while people, cards or the evidence log still name them.

let t: TestApp;
let f: CampaignFixture;
let other: CampaignFixture;
let admin: Agent;
let organizer: Agent;
beforeAll(async () => {
  t = await createTestApp();
  f = await createCampaign(t.database.db, { sites: 2, perSite: 2 });
  other = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
  await addCardText(t.database.db, f.campaign.id);
  admin = t.agent();
  await admin.login((await createMember(t.database.db, f, 'admin')).email, TEST_PASSWORD);
  organizer = t.agent();
  await organizer.login((await createMember(t.database.db, f, 'organizer')).email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const patch = (agent: Agent, url: string, payload: unknown) => agent.request({ method: 'PATCH', url, payload: payload as Record<string, unknown> });
const del = (agent: Agent, url: string) => agent.request({ method: 'DELETE', url });
type Problem = { error: { code: string; message: string; fields?: { field: string; reason: string }[] } };
const problem = (body: unknown) => (body as Problem).error;
const base = () => `/api/campaigns/${f.campaign.slug}`;
const employerIds = async () => (await t.database.db.select().from(employers).where(eq(employers.campaignId, f.campaign.id))).map((e) => ({ id: e.id, name: e.name }));
const employerNamed = async (name: string) => (await employerIds()).find((e) => e.name === name)!.id;
const auditOf = async (action: string) => t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.campaignId, f.campaign.id)));

describe('changing employers, schools and units after set-up', () => {
  it('renames an employer and sets its domains and jurisdiction, audited; a taken name or a bad domain changes nothing', async () => {
    const id = await employerNamed('Employer 1');
    const res = await patch(admin, `${base()}/employers/${id}`, { name: 'North Charter', jurisdiction: 'nlrb', emailDomains: ['@North.example'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ employer: { id, name: 'North Charter', jurisdiction: 'nlrb', emailDomains: ['north.example'] } });
    const [audit] = await auditOf('employer.updated');
    expect(audit).toMatchObject({ subjectId: id, details: { before: { name: 'Employer 1' }, after: { name: 'North Charter' } } });

    const taken = await patch(admin, `${base()}/employers/${id}`, { name: 'employer 2' });
    expect(taken.statusCode).toBe(409);
    expect(problem(taken.json()).fields?.[0]?.field).toBe('name');
    const badDomain = await patch(admin, `${base()}/employers/${id}`, { name: 'Renamed', emailDomains: ['not a domain'] });
    expect(badDomain.statusCode).toBe(400);
    expect(problem(badDomain.json()).fields?.map((p) => p.field)).toEqual(['emailDomains.0']);
    expect((await employerIds()).map((e) => e.name).sort()).toEqual(['Employer 2', 'North Charter']);
  });

  it('renames a school and moves it to another employer; an employer of another campaign is refused', async () => {
    const school = f.sites[1]!;
    const northId = await employerNamed('North Charter');
    const res = await patch(admin, `${base()}/worksites/${school.id}`, { name: 'Birch Academy', city: ' Fresno ', employerId: northId });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ worksite: { id: school.id, name: 'Birch Academy', city: 'Fresno', employerId: northId } });
    expect(await auditOf('worksite.updated')).toHaveLength(1);

    const [theirs] = await t.database.db.select().from(employers).where(eq(employers.campaignId, other.campaign.id));
    const foreign = await patch(admin, `${base()}/worksites/${school.id}`, { name: 'Elsewhere', employerId: theirs!.id });
    expect(foreign.statusCode).toBe(400);
    expect(problem(foreign.json()).fields).toEqual([{ field: 'employerId', reason: 'is not an employer of this campaign' }]);
    const [row] = await t.database.db.select().from(worksites).where(eq(worksites.id, school.id));
    expect(row).toMatchObject({ name: 'Birch Academy', employerId: northId });
    // Another campaign's school is not found here.
    const [theirSchool] = await t.database.db.select().from(worksites).where(eq(worksites.campaignId, other.campaign.id));
    expect((await patch(admin, `${base()}/worksites/${theirSchool!.id}`, { name: 'Mine now' })).statusCode).toBe(404);
  });

  it('changes a unit’s name, job titles and applies-from day', async () => {
    const res = await patch(admin, `${base()}/units/${f.unit.id}`, { name: 'Certificated staff', jobTitles: ['Teacher', 'teacher', ' Counselor '], appliesFrom: '2014-08-01' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unit: { name: 'Certificated staff', jobTitles: ['Teacher', 'Counselor'], appliesFrom: '2014-08-01' } });
    const cleared = await patch(admin, `${base()}/units/${f.unit.id}`, { appliesFrom: null });
    expect(cleared.json()).toMatchObject({ unit: { name: 'Certificated staff', appliesFrom: null } });
    expect((await patch(admin, `${base()}/units/${f.unit.id}`, { appliesFrom: '2026-02-30' })).statusCode).toBe(400);
  });

  it('only the campaign’s admins change or remove set-up', async () => {
    expect((await patch(organizer, `${base()}/units/${f.unit.id}`, { name: 'Mine' })).statusCode).toBe(403);
    expect((await del(organizer, `${base()}/worksites/${f.sites[0]!.id}`)).statusCode).toBe(403);
  });
});

describe('removing employers, schools and units', () => {
  it('refuses to remove a school people work at, or where a card was signed, naming what uses it', async () => {
    const withPeople = await del(admin, `${base()}/worksites/${f.sites[0]!.id}`);
    expect(withPeople.statusCode).toBe(409);
    const error = problem(withPeople.json());
    expect(error.code).toBe('in_use');
    expect(error.message).toContain('"School 1" is still in use: 2 people work or worked there');
    expect(error.fields?.map((p) => p.field)).toEqual(['people']);

    const added = await admin.post(`${base()}/worksites`, { worksites: [{ name: 'Cedar High', employer: 'Employer 2' }] });
    const cedar = (added.json() as { worksites: { id: string }[] }).worksites[0]!.id;
    const signed = await signByForm(t.agent(), `/c/${f.campaign.slug}/card`, { legal_name: 'Nadia Okafor', email: 'nadia@mail.example', phone: '(323) 555-0142', worksite_id: cedar, job_title: 'Teacher' });
    expect(signed.statusCode).toBe(200);
    const withCard = await del(admin, `${base()}/worksites/${cedar}`);
    expect(withCard.statusCode).toBe(409);
    expect(problem(withCard.json()).fields).toEqual([{ field: 'cards', reason: '1 card was signed there' }]);
    expect(await t.database.db.select().from(worksites).where(eq(worksites.campaignId, f.campaign.id))).toHaveLength(3);
    expect(await auditOf('worksite.removed')).toHaveLength(0);
  });

  it('removes a school nothing uses, audited', async () => {
    const added = await admin.post(`${base()}/worksites`, { worksites: [{ name: 'Typo Elementry', employer: 'Employer 2' }] });
    const typo = (added.json() as { worksites: { id: string }[] }).worksites[0]!.id;
    const res = await del(admin, `${base()}/worksites/${typo}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ removed: { id: typo, name: 'Typo Elementry' } });
    expect(await t.database.db.select().from(worksites).where(eq(worksites.id, typo))).toHaveLength(0);
    const [audit] = await auditOf('worksite.removed');
    expect(audit).toMatchObject({ subjectId: typo, details: { name: 'Typo Elementry' } });
    expect((await del(admin, `${base()}/worksites/${typo}`)).statusCode).toBe(404);
  });

  it('refuses to remove an employer that still has schools, naming them; removes one without', async () => {
    const north = await employerNamed('North Charter');
    const refused = await del(admin, `${base()}/employers/${north}`);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused.json())).toMatchObject({ code: 'in_use', fields: [{ field: 'worksites', reason: '2 schools still belong to this employer: Birch Academy, School 1' }] });

    const spare = (await admin.post(`${base()}/employers`, { name: 'Entered twice' })).json() as { employer: { id: string } };
    const removed = await del(admin, `${base()}/employers/${spare.employer.id}`);
    expect(removed.statusCode).toBe(200);
    expect((await employerIds()).map((e) => e.name).sort()).toEqual(['Employer 2', 'North Charter']);
    expect(await auditOf('employer.removed')).toHaveLength(1);
  });

  it('refuses to remove a unit people are in; removes one nobody is in', async () => {
    const refused = await del(admin, `${base()}/units/${f.unit.id}`);
    expect(refused.statusCode).toBe(409);
    expect(problem(refused.json())).toMatchObject({ code: 'in_use', fields: [{ field: 'people', reason: '4 people are or were in it (employment history)' }] });

    const spare = (await admin.post(`${base()}/units`, { name: 'Classified' })).json() as { unit: { id: string } };
    expect((await del(admin, `${base()}/units/${spare.unit.id}`)).statusCode).toBe(200);
    const units = await t.database.db.select().from(bargainingUnits).where(eq(bargainingUnits.campaignId, f.campaign.id));
    expect(units.map((u) => u.name)).toEqual(['Certificated staff']);
    expect(await auditOf('unit.removed')).toHaveLength(1);
  });
});
