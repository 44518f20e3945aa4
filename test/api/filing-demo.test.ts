import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cards } from '../../src/db/schema/index.js';
import { DEMO_STORY } from '../../src/demo/cards-demo-step.js';
import '../../src/demo/demo-steps.js';
import { loadDemo, type DemoContext } from '../../src/demo/load-demo.js';
import type { MajorityPage as Majority } from '../../src/contracts/majority.js';
import { asPacketFigures, type PacketFigures } from '../support/filing-figures.js';
import { addMember, createAccount, TEST_PASSWORD } from '../support/factories.js';
import { pdfText } from '../support/pdf-text.js';
import { AS_OF_THE_SEEDS } from '../support/demo-date.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';

let t: TestApp;
let demo: DemoContext;
let admin: Agent;
const quiet = () => ({ tick: () => undefined, done: () => undefined });
const asOf = DEMO_STORY.june.asOf;

beforeAll(async () => {
  t = await createTestApp();
  demo = await loadDemo(t.database.db, quiet, AS_OF_THE_SEEDS);
  const account = await createAccount(t.database.db);
  await addMember(t.database.db, account.id, demo.campaignId, 'admin');
  admin = t.agent();
  await admin.login(account.email, TEST_PASSWORD);
});
afterAll(async () => t.close());

type Preview = { figures: PacketFigures; exceptions: { reason: string }[]; integrity: { altered: number } };

describe('the demo’s filing packet', () => {
  it('the largest school passes 50% on 2015-06-15, with the same numbers as the dashboard, and the whole unit’s numbers match too', async () => {
    const m = (await admin.get(`/api/campaigns/meridian/majority?asOf=${asOf}`)).json() as Majority;
    const largest = [...m.worksites].sort((a, b) => b.eligible - a.eligible)[0]!;
    const res = await admin.get(`/api/campaigns/meridian/filing-packets/preview?unitId=${demo.unitId}&worksiteId=${largest.id}&filingDate=${asOf}`);
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json() as Preview;
    expect(preview.figures).toEqual(asPacketFigures(largest));
    expect(preview.figures.thresholds.majority.met).toBe(true);
    expect((preview.figures.validCards ?? 0) * 2).toBeGreaterThan(preview.figures.eligible);
    expect(preview.integrity.altered).toBe(0);

    const unit = (await admin.get(`/api/campaigns/meridian/filing-packets/preview?unitId=${demo.unitId}&filingDate=${asOf}`)).json() as Preview;
    expect(unit.figures).toEqual(asPacketFigures(m.units[0]!));
    expect(unit.figures.validCards).toBe(DEMO_STORY.june.supporters);
    // The five cards of mid-June still waiting for verification are left out, and said so.
    expect(unit.exceptions.map((e) => e.reason).sort()).toEqual(['duplicate', 'no_match', 'no_match', 'not_verified', 'not_verified', 'not_verified', 'not_verified', 'not_verified', 'revoked', 'revoked']);
  });

  it('gives a PERB and an NLRB packet for it, and service copies naming none of the demo’s signers', async () => {
    const m = (await admin.get(`/api/campaigns/meridian/majority?asOf=${asOf}`)).json() as Majority;
    const largest = [...m.worksites].sort((a, b) => b.eligible - a.eligible)[0]!;
    const signerRows = await t.database.db.select({ name: cards.signerName, email: cards.email, phone: cards.phone }).from(cards).where(eq(cards.campaignId, demo.campaignId));
    for (const jurisdiction of ['ca_perb', 'nlrb'] as const) {
      const body = { unitId: demo.unitId, worksiteId: largest.id, filingDate: asOf, jurisdiction, format: 'pdf' };
      const board = await admin.post('/api/campaigns/meridian/filing-packets', { ...body, copy: 'board' });
      expect(board.statusCode, board.body).toBe(200);
      const boardText = pdfText(board.rawPayload).replace(/\s+/g, ' ');
      expect(boardText).toContain(`${largest.validCards} valid cards of ${largest.eligible} employees`);
      const service = await admin.post('/api/campaigns/meridian/filing-packets', { ...body, copy: 'service' });
      const serviceText = `${pdfText(service.rawPayload)}\n${(await admin.post('/api/campaigns/meridian/filing-packets', { ...body, copy: 'service', format: 'csv' })).body}`.replace(/\s+/g, ' ');
      expect(serviceText).toContain(`${largest.validCards} valid cards of ${largest.eligible} employees`);
      for (const s of signerRows) {
        expect(serviceText).not.toContain(s.name);
        if (s.email) expect(serviceText).not.toContain(s.email);
        if (s.phone) expect(serviceText).not.toContain(s.phone);
      }
    }
  });
});
