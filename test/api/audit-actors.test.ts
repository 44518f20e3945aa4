import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, createMember, TEST_PASSWORD } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Event = { action: string; actorName: string | null; actorEmail: string | null; actorAccountId: string | null };

describe('the audit log names who did what, and filters by who', () => {
  it('gives each event its actor’s name, and only one actor’s events when asked', async () => {
    const fixture = await createCampaign(t.database.db);
    const admin = await createMember(t.database.db, fixture, 'admin');
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const adminAgent = t.agent();
    await adminAgent.login(admin.email, TEST_PASSWORD);
    const organizerAgent = t.agent();
    await organizerAgent.login(organizer.email, TEST_PASSWORD);
    await organizerAgent.get(`/api/campaigns/${fixture.campaign.slug}/people`);
    await adminAgent.get(`/api/campaigns/${fixture.campaign.slug}/people`);

    const all = (await adminAgent.get(`/api/campaigns/${fixture.campaign.slug}/audit`)).json() as { events: Event[] };
    const viewed = all.events.filter((e) => e.action === 'people.list_viewed');
    expect(viewed.map((e) => e.actorAccountId).sort()).toEqual([admin.id, organizer.id].sort());
    expect(viewed.every((e) => e.actorName === 'Test Person')).toBe(true);

    const theirs = (await adminAgent.get(`/api/campaigns/${fixture.campaign.slug}/audit?actor=${organizer.id}`)).json() as { events: Event[] };
    expect(theirs.events.length).toBeGreaterThan(0);
    expect(theirs.events.every((e) => e.actorAccountId === organizer.id)).toBe(true);
    const bad = await adminAgent.get(`/api/campaigns/${fixture.campaign.slug}/audit?actor=nobody`);
    expect(bad.statusCode).toBe(400);
  });
});
