import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, campaigns, employers } from '../../src/db/schema/index.js';
import { createAccount, createCampaign, createMember, TEST_PASSWORD } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: Agent;
let adminEmail: string;
beforeAll(async () => {
  t = await createTestApp();
  const account = await createAccount(t.database.db, { instanceAdmin: true });
  adminEmail = account.email;
  admin = t.agent();
  await admin.login(account.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

type Problem = { error: { code: string; fields?: { field: string; reason: string }[] } };
const fieldsOf = (body: unknown) => ((body as Problem).error.fields ?? []).map((f) => f.field);

describe('starting a campaign', () => {
  it('creates a campaign whose starter is its only admin, and which nobody else sees', async () => {
    const res = await admin.post('/api/campaigns', { slug: 'Valley-Educators', name: 'Valley Charter Educators', statement: 'We are organizing.', timeZone: 'America/Chicago', goalPercent: 70, jurisdiction: 'nlrb', mailSenderName: 'Valley Educators', mailReplyTo: 'organize@union.example' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ campaign: { slug: 'valley-educators', role: 'admin', goalPercent: 70, jurisdiction: 'nlrb' } });
    const me = (await admin.get('/api/auth/me')).json() as { campaigns: { slug: string; role: string }[] };
    expect(me.campaigns).toContainEqual(expect.objectContaining({ slug: 'valley-educators', role: 'admin' }));

    const other = await createMember(t.database.db, await createCampaign(t.database.db), 'admin');
    const otherAgent = t.agent();
    await otherAgent.login(other.email, TEST_PASSWORD);
    const theirs = (await otherAgent.get('/api/auth/me')).json() as { campaigns: { slug: string }[] };
    expect(theirs.campaigns.map((c) => c.slug)).not.toContain('valley-educators');
    expect((await otherAgent.get('/api/campaigns/valley-educators/setup')).statusCode).toBe(404);
    // Only instance administrators start campaigns.
    expect((await otherAgent.post('/api/campaigns', { slug: 'mine', name: 'Mine' })).statusCode).toBe(403);

    const [audit] = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'campaign.created'));
    expect(audit).toMatchObject({ actorEmail: adminEmail, details: { slug: 'valley-educators' } });
  });

  it('refuses a bad address, a taken one and a goal below a majority, naming the field and creating nothing', async () => {
    const bad = await admin.post('/api/campaigns', { slug: 'no spaces!', name: 'X' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toContain('body.slug');
    const low = await admin.post('/api/campaigns', { slug: 'low-goal', name: 'X', goalPercent: 40 });
    expect(low.statusCode).toBe(400);
    expect(fieldsOf(low.json())).toContain('body.goalPercent');
    const taken = await admin.post('/api/campaigns', { slug: 'valley-educators', name: 'Again' });
    expect(taken.statusCode).toBe(409);
    expect(await t.database.db.select().from(campaigns).where(eq(campaigns.slug, 'low-goal'))).toHaveLength(0);
  });

  it('adds two employers with their jurisdictions and domains, three schools from a pasted list, a unit and a card text in two languages', async () => {
    const base = '/api/campaigns/valley-educators';
    const north = await admin.post(`${base}/employers`, { name: 'North Charter', jurisdiction: 'ca_perb', emailDomains: ['@North.example', 'north.example'] });
    expect(north.statusCode).toBe(201);
    expect(north.json()).toMatchObject({ employer: { name: 'North Charter', jurisdiction: 'ca_perb', emailDomains: ['north.example'] } });
    const south = await admin.post(`${base}/employers`, { name: 'South Network', emailDomains: ['south.example'] });
    expect(south.json()).toMatchObject({ employer: { jurisdiction: 'nlrb' } }); // the campaign's, when not given
    expect((await admin.post(`${base}/employers`, { name: 'north charter' })).statusCode).toBe(409);
    expect(fieldsOf((await admin.post(`${base}/employers`, { name: 'Bad', emailDomains: ['not a domain'] })).json())).toContain('emailDomains.0');

    // With two employers, a school must say whose it is: one bad line refuses the whole list.
    const ambiguous = await admin.post(`${base}/worksites`, { list: 'Name,City,Employer\nAlder Prep,Fresno,North Charter\nBirch Academy,Fresno' });
    expect(ambiguous.statusCode).toBe(400);
    expect(fieldsOf(ambiguous.json())).toEqual(['worksites.1.employer']);
    const pasted = await admin.post(`${base}/worksites`, { list: 'Name,City,Employer\nAlder Prep,Fresno,North Charter\n"Birch Academy, Upper",Fresno,South Network\n' });
    expect(pasted.statusCode).toBe(201);
    expect((pasted.json() as { worksites: { name: string }[] }).worksites.map((w) => w.name)).toEqual(['Alder Prep', 'Birch Academy, Upper']);
    const one = await admin.post(`${base}/worksites`, { worksites: [{ name: 'Cedar High', employer: 'South Network' }] });
    expect(one.statusCode).toBe(201);
    expect(fieldsOf((await admin.post(`${base}/worksites`, { worksites: [{ name: 'alder prep', employer: 'North Charter' }] })).json())).toEqual(['worksites.0.name']);

    const unit = await admin.post(`${base}/units`, { name: 'Certificated', jobTitles: ['Teacher', 'Counselor', 'teacher'], appliesFrom: '2026-08-01' });
    expect(unit.statusCode).toBe(201);
    expect(unit.json()).toMatchObject({ unit: { name: 'Certificated', jobTitles: ['Teacher', 'Counselor'], appliesFrom: '2026-08-01' } });
    expect(fieldsOf((await admin.post(`${base}/units`, { name: 'Bad date', appliesFrom: '2026-02-30' })).json())).toContain('body.appliesFrom');

    for (const [language, title] of [['en', 'Authorization card'], ['es', 'Tarjeta de autorización']] as const) {
      const text = await admin.post(`${base}/card-texts`, { language, title, body: 'I authorize the union to represent me.' });
      expect(text.statusCode).toBe(201);
      const { cardText } = text.json() as { cardText: { id: string } };
      expect((await admin.post(`${base}/card-texts/${cardText.id}/approve`)).statusCode).toBe(200);
    }

    const setup = (await admin.get(`${base}/setup`)).json() as { settings: { mailReplyTo: string }; employers: unknown[]; worksites: unknown[]; units: unknown[]; cardTexts: { approvedAt: string | null }[] };
    expect(setup.settings.mailReplyTo).toBe('organize@union.example');
    expect([setup.employers.length, setup.worksites.length, setup.units.length]).toEqual([2, 3, 1]);
    expect(setup.cardTexts.every((c) => c.approvedAt !== null)).toBe(true);
  });

  it('imports a roster into the new campaign: its schools are known, new teachers join the unit by their job title, others stay outside it', async () => {
    const csv = ['Employee ID,First Name,Last Name,Work Email,School,Job Title', 'V-1,Ana,Soto,ana@north.example,Alder Prep,Teacher', 'V-2,Ben,Ruiz,ben@south.example,Cedar High,Teacher', 'V-3,Cy,Lee,cy@south.example,Cedar High,Custodian'].join('\r\n');
    const res = await admin.request({ method: 'POST', url: '/api/campaigns/valley-educators/roster/imports?effectiveDate=2026-08-15', payload: csv, headers: { 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(201);
    expect((res.json() as { counts: { new: number; invalid: number } }).counts).toMatchObject({ new: 3, invalid: 0 });
    const roster = (await admin.get('/api/campaigns/valley-educators/people?asOf=2026-08-15')).json() as { people: { familyName: string; unitName: string | null }[] };
    const units = Object.fromEntries(roster.people.map((p) => [p.familyName, p.unitName]));
    expect(units).toEqual({ Soto: 'Certificated', Ruiz: 'Certificated', Lee: null });
  });

  it('changes settings later, and refuses a bad Reply-To naming it', async () => {
    const res = await admin.put('/api/campaigns/valley-educators/settings', { name: 'Valley Educators United', cardValidityMonths: 6 });
    expect(res.json()).toMatchObject({ settings: { name: 'Valley Educators United', cardValidityMonths: 6, goalPercent: 70 } });
    const bad = await admin.put('/api/campaigns/valley-educators/settings', { mailReplyTo: 'not-an-address' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad.json())).toContain('body.mailReplyTo');
  });
});

describe('removing the demo', () => {
  it('removes the demo campaign and nothing else', async () => {
    const demo = await createCampaign(t.database.db, { slug: 'meridian', isDefault: true });
    const demoAdmin = await createMember(t.database.db, demo, 'admin');
    const demoOrganizer = await createMember(t.database.db, demo, 'organizer');
    const organizer = t.agent();
    await organizer.login(demoOrganizer.email, TEST_PASSWORD);
    expect((await organizer.post('/api/demo/remove')).statusCode).toBe(403);

    const agent = t.agent();
    await agent.login(demoAdmin.email, TEST_PASSWORD);
    const res = await agent.post('/api/demo/remove');
    expect(res.json()).toEqual({ removed: true });
    expect(await t.database.db.select().from(campaigns).where(eq(campaigns.slug, 'meridian'))).toHaveLength(0);
    const valley = await t.database.db.select().from(campaigns).where(eq(campaigns.slug, 'valley-educators'));
    expect(valley).toHaveLength(1);
    expect(await t.database.db.select().from(employers).where(eq(employers.campaignId, valley[0]!.id))).toHaveLength(2);
    expect((await agent.post('/api/demo/remove')).statusCode).toBe(404);
  });
});
