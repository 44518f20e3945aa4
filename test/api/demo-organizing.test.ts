import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/demo/demo-steps.js';
import { addMember, createAccount, TEST_PASSWORD } from '../support/factories.js';
import { AS_OF_THE_SEEDS } from '../support/demo-date.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { DEMO_SLUG, loadDemo } from '../../src/demo/load-demo.js';
import { DEMO_ROSTER_EFFECTIVE } from '../../src/demo/demo-roster-csv.js';

let t: TestApp;
let agent: Agent;
beforeAll(async () => {
  t = await createTestApp();
  const context = await loadDemo(t.database.db, () => ({ tick: () => undefined, done: () => undefined }), AS_OF_THE_SEEDS);
  const admin = await createAccount(t.database.db);
  await addMember(t.database.db, admin.id, context.campaignId, 'admin');
  agent = t.agent();
  await agent.login(admin.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

const base = `/api/campaigns/${DEMO_SLUG}`;
type Summary = { total: { 1: number; 2: number; likelyYes: number; total: number }; worksites: { counts: { likelyYes: number } }[] };

describe('the demo campaign’s organizing data', () => {
  it('tells the story with the cards: likely-yes grows from April (7 schools) to June (21 schools)', async () => {
    const april = (await agent.get(`${base}/assessments/summary?asOf=2015-04-24`)).json() as Summary;
    const june = (await agent.get(`${base}/assessments/summary?asOf=2015-06-15`)).json() as Summary;
    expect(april.total.likelyYes).toBeGreaterThanOrEqual(67);
    expect(april.worksites.filter((w) => w.counts.likelyYes > 0)).toHaveLength(7);
    expect(june.total.likelyYes).toBeGreaterThanOrEqual(146);
    expect(june.worksites.filter((w) => w.counts.likelyYes > 0)).toHaveLength(21);
    const lists = (await agent.get(`${base}/committee-lists`)).json() as { lists: unknown[] };
    expect(lists.lists).toHaveLength(21);
    const chart = (await agent.get(`${base}/wall-chart?asOf=2015-06-15`)).json() as { columns: unknown[] };
    expect(chart.columns).toHaveLength(25);
  });

  it('imports the shipped demo roster CSV cleanly, as updates, and can undo it', async () => {
    const csv = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'demo', 'roster.csv'), 'utf8');
    const dry = await agent.post(`${base}/roster/imports/dry-run`, { csv, effectiveDate: DEMO_ROSTER_EFFECTIVE });
    expect(dry.statusCode).toBe(200);
    const diff = dry.json() as { counts: { invalid: number; new: number; changed: number; unchanged: number } };
    expect(diff.counts.invalid).toBe(0);
    expect(diff.counts.new).toBe(20);
    expect(diff.counts.changed).toBeGreaterThanOrEqual(8);
    expect(diff.counts.unchanged).toBeGreaterThan(800);
    const applied = await agent.post(`${base}/roster/imports`, { csv, effectiveDate: DEMO_ROSTER_EFFECTIVE });
    expect(applied.statusCode).toBe(201);
    const again = (await agent.post(`${base}/roster/imports/dry-run`, { csv, effectiveDate: DEMO_ROSTER_EFFECTIVE })).json() as typeof diff;
    expect(again.counts).toMatchObject({ new: 0, changed: 0, invalid: 0 });
    const id = (applied.json() as { importId: string }).importId;
    expect((await agent.post(`${base}/roster/imports/${id}/undo`)).statusCode).toBe(200);
  });
});
