import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../../src/db/schema/index.js';
import { createCampaign, createMember, TEST_PASSWORD } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Roster rows reach the staging table as COPY text (decision 0044), a quoting layer of its own:
// whatever a cell holds must land as written, and "\N" in a cell is a name, not a missing value.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('roster import through COPY', () => {
  it('stores backslashes, a literal \\N, quotes, commas and accents exactly as the file has them', async () => {
    const fixture = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const agent = t.agent();
    await agent.login(organizer.email, TEST_PASSWORD);
    const csv = [
      'Employee ID,First Name,Last Name,Work Email,School,Job Title,Unit',
      'C-1,\\N,O\\Brien,c1@school.example,School 1,Teacher,Certificated',
      'C-2,Ana\\tMaría,"Smith, Jr.",c2@school.example,School 1,"Teacher ""Lead""",Certificated',
      'C-3,Zoë,Ruiz-Peña,c3@school.example,Back\\slash High,Teacher,Certificated',
    ].join('\n');
    const res = await agent.post(`/api/campaigns/${fixture.campaign.slug}/roster/imports`, { csv, effectiveDate: '2015-03-01' });
    expect(res.statusCode, res.body).toBe(201);
    const result = res.json() as { counts: { new: number; invalid: number }; invalid: { line: number; reason: string }[] };
    expect(result.counts).toMatchObject({ new: 2, invalid: 1 });
    expect(result.invalid).toEqual([{ line: 4, reason: 'school "Back\\slash High" is not a worksite of this campaign' }]);

    const stored = await t.database.db
      .select({ employeeId: people.employeeId, givenName: people.givenName, familyName: people.familyName })
      .from(people)
      .where(eq(people.campaignId, fixture.campaign.id));
    const byId = new Map(stored.map((p) => [p.employeeId, p]));
    expect(byId.get('C-1')).toEqual({ employeeId: 'C-1', givenName: '\\N', familyName: 'O\\Brien' });
    expect(byId.get('C-2')).toEqual({ employeeId: 'C-2', givenName: 'Ana\\tMaría', familyName: 'Smith, Jr.' });
    expect(byId.has('C-3')).toBe(false);
  });
});
