import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaigns, mailMessages } from '../../src/db/schema/index.js';
import { addCardText, signByForm } from '../support/card-fixtures.js';
import { createCampaign } from '../support/factories.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ config: { smtpUrl: sink.url, mailFrom: 'Unionhall <no-reply@union.example.org>' } });
});
afterAll(async () => {
  await t.close();
  await sink.close();
});

describe('a campaign’s mail sender and Reply-To', () => {
  it('a card confirmation says it is from the campaign and takes replies at its address', async () => {
    const f = await createCampaign(t.database.db, { sites: 1, perSite: 2 });
    await addCardText(t.database.db, f.campaign.id);
    await t.database.db.update(campaigns).set({ mailSenderName: 'Valley Educators', mailReplyTo: 'organize@union.example' }).where(eq(campaigns.id, f.campaign.id));
    const person = f.people[0]!;
    const res = await signByForm(t.agent(), `/c/${f.campaign.slug}/card`, {
      legal_name: `${person.givenName} ${person.familyName}`,
      email: 'signer@mail.example',
      phone: '(323) 555-0142',
      worksite_id: person.worksiteId,
      job_title: 'Teacher',
    });
    expect(res.statusCode).toBe(200);
    const [row] = await t.database.db.select().from(mailMessages).where(eq(mailMessages.campaignId, f.campaign.id));
    // The campaign's sender name and Reply-To are recorded with the message (its own columns).
    expect(row).toMatchObject({ kind: 'card_confirmation', fromName: 'Valley Educators', replyTo: 'organize@union.example' });

    const mail = await sink.next(0);
    expect(mail.headers.get('from')).toBe('Valley Educators <no-reply@union.example.org>');
    expect(mail.headers.get('reply-to')).toBe('organize@union.example');
    expect([...mail.headers.keys()].some((h) => h.startsWith('x-unionhall'))).toBe(false);
  });
});
