import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let fixture: CampaignFixture;
let agent: Agent;
beforeAll(async () => {
  t = await createTestApp();
  fixture = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
  const organizer = await createMember(t.database.db, fixture, 'organizer');
  agent = t.agent();
  await agent.login(organizer.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const url = (path = '') => `/api/campaigns/${fixture.campaign.slug}/roster/imports${path}`;
type Result = { encoding: string; counts: { new: number }; new: { givenName: string; familyName: string }[] };

describe('what the roster walk found', () => {
  it('reads a Windows-1252 roster (Excel on Windows) with its accents, and says how it read it', async () => {
    const latin1 = Buffer.from('Employee ID,First Name,Last Name,Work Email,School,Job Title\nW-1,Jos\u00e9,Pe\u00f1a,jose@school.example,School 1,Teacher\n', 'latin1');
    const res = await agent.request({ method: 'POST', url: `${url('/dry-run')}?effectiveDate=2015-03-01`, payload: latin1, headers: { 'content-type': 'text/csv' } });
    expect(res.statusCode).toBe(200);
    const result = res.json() as Result;
    expect(result.encoding).toBe('windows-1252');
    expect(result.new[0]).toMatchObject({ givenName: 'José', familyName: 'Peña' });
  });

  it('refuses a file whose characters were already lost, saying how to save it', async () => {
    const res = await agent.post(url('/dry-run'), { csv: 'Employee ID,First Name,Last Name,Work Email,School,Job Title\nW-2,Jos\uFFFD,Pe\uFFFDa,j2@school.example,School 1,Teacher\n' });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { message: string } }).error.message).toContain('CSV UTF-8');
  });

  it('asks which email a column named just "Email" is, and imports once told', async () => {
    const csv = 'Employee ID,First Name,Last Name,Email,School,Job Title\nW-3,Ana,Soto,ana@mail.example,School 1,Teacher\n';
    const asked = await agent.post(url('/dry-run'), { csv });
    expect(asked.statusCode).toBe(400);
    expect((asked.json() as { error: { message: string } }).error.message).toContain('column "Email" could be the work email or a personal email');
    const told = await agent.post(url('/dry-run'), { csv, mapping: { Email: 'personalEmail' } });
    expect(told.statusCode).toBe(200);
    expect((told.json() as Result).counts.new).toBe(1);
  });
});
