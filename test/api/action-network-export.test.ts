import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, eventRsvps, events } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Exports in Action Network's column layout (issue 14, item 6): the public side's people with
// their tags, and an event's RSVPs. Admins only, audited, formulas defused, never the roster.

const header = 'first_name,last_name,email,zip_code,can2_phone,can2_subscription_status,can2_user_tags,created_date';

let t: TestApp;
let fixture: CampaignFixture;
let adminId = '';
let admin: ReturnType<TestApp['agent']>;
let eventId = '';

beforeAll(async () => {
  t = await createTestApp({ config: { apiKeyRateLimitPerMinute: 1000 } });
  fixture = await createCampaign(t.database.db, { slug: 'an-export', sites: 1, perSite: 2 });
  const account = await createMember(t.database.db, fixture, 'admin');
  adminId = account.id;
  admin = t.agent();
  await admin.login(account.email, TEST_PASSWORD);
  const token = ((await admin.post('/api/campaigns/an-export/api-keys', { name: 'an', scopes: ['read', 'write'] })).json() as { token: string }).token;
  const signup = await t.app.inject({
    method: 'POST',
    url: '/api/v1/people',
    headers: { 'osdi-api-token': token, 'content-type': 'application/json' },
    payload: JSON.stringify({
      person: { given_name: '=HYPERLINK("http://evil.example","Click")', family_name: 'Reyes', email_addresses: [{ address: 'ana@mail.example' }], postal_addresses: [{ postal_code: '94607' }], phone_numbers: [{ number: '510 555 0142' }] },
      add_tags: ['Volunteers', 'Parents'],
    }),
  });
  expect(signup.statusCode, signup.body).toBe(200);
  const starts = new Date(t.clock.now.getTime() + 7 * 86_400_000);
  const [event] = await t.database.db.insert(events).values({ campaignId: fixture.campaign.id, slug: 'an-meeting', kind: 'meeting', title: 'Meeting', startsAt: starts, endsAt: new Date(starts.getTime() + 3_600_000) }).returning();
  eventId = event!.id;
  await t.database.db.insert(eventRsvps).values([
    { eventId, name: 'Rosa María Díaz', email: 'rosa@mail.example', phone: '+1 510 555 0100' },
    { eventId, name: '@SUM(A1)', email: 'sum@mail.example' },
  ]);
});
afterAll(async () => t.close());

const auditRows = (action: string) => t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, action), eq(auditEvents.campaignId, fixture.campaign.id)));

describe('Action Network exports', () => {
  it('people: Action Network’s header, tags joined, a formula-like name defused, the roster left out, audited', async () => {
    const res = await admin.get('/api/campaigns/an-export/action-network/people.csv');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(header);
    // The API signup and the two RSVPs to a public event (the public side); no educator.
    expect(lines).toHaveLength(4);
    const ana = lines.find((l) => l.includes('ana@mail.example')) ?? '';
    expect(ana).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")",Reyes,ana@mail.example,94607,510 555 0142,`);
    expect(ana).toContain(',"Parents, Volunteers",');
    expect(res.body).not.toMatch(/(^|\n|,)[=@+]/u);
    for (const educator of fixture.people) expect(res.body).not.toContain(educator.familyName);
    const audit = await auditRows('export.action_network_people');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorAccountId: adminId, details: { count: 3 } });
  });

  it('an event’s RSVPs: the same header, the name split, a formula defused, audited', async () => {
    const res = await admin.get(`/api/campaigns/an-export/events/${eventId}/rsvps/action-network.csv`);
    expect(res.statusCode, res.body).toBe(200);
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(header);
    expect(lines).toHaveLength(3);
    expect(lines).toContainEqual(expect.stringMatching(/^Rosa,María Díaz,rosa@mail\.example,,'\+1 510 555 0100,,,/u));
    expect(lines).toContainEqual(expect.stringMatching(/^'@SUM\(A1\),,sum@mail\.example,/u));
    const audit = await auditRows('export.action_network_rsvps');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorAccountId: adminId, subjectId: eventId, details: { count: 2 } });
  });

  it('a viewer, a committee member and an organizer are refused, and nothing is audited for them', async () => {
    for (const role of ['viewer', 'committee', 'organizer'] as const) {
      const account = await createMember(t.database.db, fixture, role);
      const agent = t.agent();
      await agent.login(account.email, TEST_PASSWORD);
      expect((await agent.get('/api/campaigns/an-export/action-network/people.csv')).statusCode).toBe(403);
      expect((await agent.get(`/api/campaigns/an-export/events/${eventId}/rsvps/action-network.csv`)).statusCode).toBe(403);
      const refused = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.actorAccountId, account.id), eq(auditEvents.action, 'export.action_network_people')));
      expect(refused).toHaveLength(0);
    }
  });
});
