import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

// Issue 12: the campaign statement in each campaign language, on the public home page in the
// visitor's language.

let t: TestApp;
let f: CampaignFixture;
let admin: Agent;
beforeAll(async () => {
  t = await createTestApp();
  f = await createCampaign(t.database.db);
  admin = t.agent();
  await admin.login((await createMember(t.database.db, f, 'admin')).email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const home = (query: string, headers: Record<string, string> = {}) => t.agent().request({ method: 'GET', url: `/c/${f.campaign.slug}${query}`, headers });

describe('the campaign statement in English and Spanish', () => {
  it('a Spanish reader sees the English statement until there is a Spanish one', async () => {
    const res = await home('?lang=es');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('We are organizing.');
  });

  it('saves both, and the home page shows each visitor theirs', async () => {
    const saved = await admin.put(`/api/campaigns/${f.campaign.slug}/settings`, { statement: 'We are organizing for a fair contract.', statementEs: '  Nos organizamos por un contrato justo.  ' });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ settings: { statement: 'We are organizing for a fair contract.', statementEs: 'Nos organizamos por un contrato justo.' } });
    expect((await admin.get(`/api/campaigns/${f.campaign.slug}/setup`)).json()).toMatchObject({ settings: { statementEs: 'Nos organizamos por un contrato justo.' } });

    const spanish = await home('?lang=es');
    expect(spanish.body).toContain('Nos organizamos por un contrato justo.');
    expect(spanish.body).not.toContain('We are organizing for a fair contract.');
    const byHeader = await home('', { 'accept-language': 'es-MX,es;q=0.9' });
    expect(byHeader.body).toContain('Nos organizamos por un contrato justo.');
    const english = await home('?lang=en');
    expect(english.body).toContain('We are organizing for a fair contract.');
    expect(english.body).not.toContain('Nos organizamos');
  });

  it('refuses a statement too long, naming it, and keeps the old one', async () => {
    const res = await admin.put(`/api/campaigns/${f.campaign.slug}/settings`, { statementEs: 'x'.repeat(5001) });
    expect(res.statusCode).toBe(400);
    expect((res.json() as { error: { fields: { field: string }[] } }).error.fields[0]!.field).toBe('body.statementEs');
    expect((await home('?lang=es')).body).toContain('Nos organizamos por un contrato justo.');
  });
});
