// The shape every write takes (decision 0017): one transaction holds the policy check, the rule, the
// write, the audit row and the mail row; mail is delivered after the commit, so no request waits on
// SMTP.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, cardRevocations, cards, mailMessages } from '../../src/db/schema/index.js';
import { addCardText, insertCard, signByForm } from '../support/card-fixtures.js';
import { createCampaign, createMember, TEST_PASSWORD, type CampaignFixture } from '../support/factories.js';
import { openCards, openMail } from '../support/opened-rows.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('a command is one transaction', () => {
  let t: TestApp;
  let f: CampaignFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await createCampaign(t.database.db, { sites: 1, perSite: 2 });
  });
  afterAll(async () => t.close());

  it('leaves nothing behind when its audit row cannot be written', async () => {
    const db = t.database.db;
    const text = await addCardText(db, f.campaign.id);
    const card = await insertCard(db, { campaignId: f.campaign.id, cardTextId: text.id, worksiteId: f.sites[0]!.id, personId: f.people[0]!.id, signedOn: '2015-04-01' });
    const admin = await createMember(db, f, 'admin');
    const agent = t.agent();
    await agent.login(admin.email, TEST_PASSWORD);
    // The audit insert of a revocation fails, as a full disk or a broken constraint would make it.
    await db.execute(sql`create function refuse_revocation_audit() returns trigger language plpgsql as $$ begin if new.action = 'card.revoked' then raise exception 'audit unavailable'; end if; return new; end $$`);
    await db.execute(sql`create trigger refuse_revocation_audit before insert on audit_events for each row execute function refuse_revocation_audit()`);
    try {
      const res = await agent.post(`/api/campaigns/${f.campaign.slug}/cards/${card.id}/revoke`, { reason: 'Asked to withdraw.', effectiveOn: '2015-05-01' });
      expect(res.statusCode).toBe(500);
      expect(await db.select().from(cardRevocations).where(eq(cardRevocations.cardId, card.id))).toEqual([]);
      expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'card.revoked'))).toEqual([]);
    } finally {
      await db.execute(sql`drop trigger refuse_revocation_audit on audit_events`);
    }
    // With the audit log back, the same command commits the revocation and its audit row together.
    const again = await agent.post(`/api/campaigns/${f.campaign.slug}/cards/${card.id}/revoke`, { reason: 'Asked to withdraw.', effectiveOn: '2015-05-01' });
    expect(again.statusCode).toBe(201);
    expect(await db.select().from(cardRevocations).where(eq(cardRevocations.cardId, card.id))).toHaveLength(1);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.action, 'card.revoked'))).toHaveLength(1);
  });
});

describe('the card signer never waits on the mail server', () => {
  // An SMTP server that accepts connections and then says nothing: a stalled or paused mail server.
  const silent = net.createServer(() => undefined);
  let t: TestApp;
  let f: CampaignFixture;
  beforeAll(async () => {
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    t = await createTestApp({ config: { smtpUrl: `smtp://127.0.0.1:${port}` } });
    f = await createCampaign(t.database.db, { sites: 1, perSite: 2 });
    await addCardText(t.database.db, f.campaign.id);
  });
  afterAll(async () => {
    t.services.mailer.close();
    await t.close();
    silent.close();
  });

  it('answers the signer at once, with the card and its confirmation committed and due to send', async () => {
    const p = f.people[0]!;
    const res = await signByForm(t.agent(), `/c/${f.campaign.slug}/card`, {
      legal_name: `${p.givenName} ${p.familyName}`,
      email: 'signer-paused@personal.example',
      phone: '(323) 555-0100',
      worksite_id: p.worksiteId,
      job_title: 'Teacher',
    });
    // Were the request waiting on SMTP, it would hang for nodemailer's greeting timeout (30 s),
    // beyond this test's own limit.
    expect(res.statusCode).toBe(200);
    const [card] = (await openCards(t.services, await t.database.db.select().from(cards))).filter((c) => c.email === 'signer-paused@personal.example');
    expect(card?.confirmationMailId).toBeTruthy();
    const [mail] = await openMail(t.services, await t.database.db.select().from(mailMessages).where(eq(mailMessages.id, card!.confirmationMailId!)));
    expect(mail?.kind).toBe('card_confirmation');
    expect(mail?.sentAt).toBeNull();
    expect(mail?.transport).toBe('smtp');
  });
});
