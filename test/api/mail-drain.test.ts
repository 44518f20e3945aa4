// At shutdown the outbox finishes what it claimed and claims nothing more: a message being sent
// when SIGTERM arrives is sent and marked, and one committed after it stays due for the next process.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailMessages } from '../../src/db/schema/index.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
let t: TestApp;

beforeAll(async () => {
  // A slow mail server: each message takes 400 ms to be accepted.
  sink = await startSmtpSink({
    onRcptTo(_address, _session, callback) {
      setTimeout(() => callback(), 400);
    },
  });
  t = await createTestApp({ config: { smtpUrl: sink.url } });
});
afterAll(async () => {
  t.services.mailer.close();
  await t.close();
  await sink.close();
});

const record = (to: string) => t.services.repositories.mail.record({ kind: 'password_reset', toAddress: to, subject: 'Hello', textBody: 'Body.', ...t.services.mailer.initialDelivery(t.clock.now) });
const rowOf = async (id: string) => (await t.database.db.select().from(mailMessages).where(eq(mailMessages.id, id)))[0];

describe('mailer.drain()', () => {
  it('waits for the sends it claimed, then claims nothing more', async () => {
    const claimed = await record('being-sent@mail.example');
    t.services.mailer.kick();
    // The sweep has claimed the row and is talking to the slow server.
    for (let i = 0; i < 100 && (await rowOf(claimed.id))?.attempts === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await rowOf(claimed.id))?.attempts).toBe(1);
    expect((await rowOf(claimed.id))?.sentAt).toBeNull();

    await t.services.mailer.drain();
    expect((await rowOf(claimed.id))?.sentAt).toBeInstanceOf(Date);
    expect(sink.received.map((m) => m.to[0])).toEqual(['being-sent@mail.example']);

    const later = await record('after-shutdown@mail.example');
    t.services.mailer.kick();
    expect(await t.services.mailer.retryDue()).toBe(0);
    await t.services.mailer.idle();
    // Still due, unclaimed: the next process's sweep sends it.
    expect(await rowOf(later.id)).toMatchObject({ attempts: 0, sentAt: null });
    expect(t.services.mailer.stats()).toEqual({ sent: 1, failed: 0 });
  });
});
