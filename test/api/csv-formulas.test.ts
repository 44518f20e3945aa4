import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('CSV exports', () => {
  it('the roster export defuses a name a spreadsheet would run as a formula', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 1, perSite: 2 });
    await t.database.db.update(people).set({ givenName: '=HYPERLINK("http://evil.example","Click")', familyName: '@SUM(A1)', phone: '+1 510 555 0142' }).where(eq(people.id, fixture.people[0]!.id));
    const admin = await createMember(t.database.db, fixture, 'admin');
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    const res = await agent.get(`/api/campaigns/${fixture.campaign.slug}/people/export.csv?asOf=2015-01-05`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")",'@SUM(A1)`);
    expect(res.body).not.toMatch(/(^|\n|,)[=@+]/u);
    // Phones come with it (issue 12); one written as +1… is a formula to a spreadsheet, so it is defused too.
    expect(res.body.split('\n')[0]).toContain(',phone,');
    expect(res.body).toContain(",'+1 510 555 0142,");
  });
});
