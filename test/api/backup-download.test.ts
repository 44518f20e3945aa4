import { createHash } from 'node:crypto';
import { Decrypter } from 'age-encryption';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpDatabase } from '../../src/db/dump-database.js';
import { auditEvents } from '../../src/db/schema/index.js';
import { buildApp } from '../../src/http/build-app.js';
import { createAccount, createCampaign, createMember, TEST_PASSWORD } from '../support/factories.js';
import { Agent, createTestApp, type TestApp } from '../support/test-app.js';

// Issue 11, item 6: an instance admin downloads an encrypted backup from the app. The round trip:
// download, decrypt with the passphrase (age-encryption), find a pg_dump archive.

let t: TestApp;
let app: Awaited<ReturnType<typeof buildApp>>;
beforeAll(async () => {
  t = await createTestApp();
  // The same app as `serve` builds it: with a way to dump its database.
  app = await buildApp({ config: t.config, db: t.database.db, services: t.services, logger: false, dumpDatabase: () => dumpDatabase(t.database.connection) });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const PASSPHRASE = 'a long passphrase for the lawyer';

async function signedIn(email: string): Promise<Agent> {
  const agent = new Agent(app);
  await agent.login(email, TEST_PASSWORD);
  return agent;
}

describe('encrypted backup from the app', () => {
  it('downloads a file that opens with the passphrase to a pg_dump archive, and records who took it', async () => {
    await createCampaign(t.database.db, { sites: 1, perSite: 2 });
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const agent = await signedIn(admin.email);
    const res = await agent.post('/api/admin/backup', { passphrase: PASSPHRASE });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/octet-stream');
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="?unionhall-backup-\d{8}-\d{4}Z\.age"?$/);
    const sealed = res.rawPayload;
    expect(sealed.subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    // Sealed: neither the archive's signature nor a table name shows through.
    expect(sealed.includes(Buffer.from('PGDMP'))).toBe(false);
    expect(sealed.includes(Buffer.from('audit_events'))).toBe(false);

    const decrypter = new Decrypter();
    decrypter.addPassphrase(PASSPHRASE);
    const archive = Buffer.from(await decrypter.decrypt(new Uint8Array(sealed)));
    expect(archive.subarray(0, 5).toString()).toBe('PGDMP');
    expect(archive.includes(Buffer.from('audit_events'))).toBe(true);

    const wrong = new Decrypter();
    wrong.addPassphrase('not the passphrase at all');
    await expect(wrong.decrypt(new Uint8Array(sealed))).rejects.toThrow();

    const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'backup.downloaded'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorAccountId: admin.id,
      campaignId: null,
      details: { bytes: sealed.byteLength, sha256: createHash('sha256').update(sealed).digest('hex'), encryptedTo: 'passphrase' },
    });
    // The passphrase is nowhere in the log.
    expect(JSON.stringify(rows)).not.toContain(PASSPHRASE);
  }, 120_000);

  it('is for instance admins only, refuses a short passphrase by name, and needs the CSRF token', async () => {
    const campaign = await createCampaign(t.database.db, { sites: 1, perSite: 1 });
    const campaignAdmin = await createMember(t.database.db, campaign, 'admin');
    const before = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'backup.downloaded'))).length;
    const member = await signedIn(campaignAdmin.email);
    expect((await member.post('/api/admin/backup', { passphrase: PASSPHRASE })).statusCode).toBe(403);

    const admin = await signedIn((await createAccount(t.database.db, { instanceAdmin: true })).email);
    const short = await admin.post('/api/admin/backup', { passphrase: 'short' });
    expect(short.statusCode).toBe(400);
    expect((short.json() as { error: { fields: { field: string }[] } }).error.fields[0]?.field).toBe('body.passphrase');
    const forged = await admin.request({ method: 'POST', url: '/api/admin/backup', payload: { passphrase: PASSPHRASE }, withCsrf: false });
    expect(forged.statusCode).toBe(403);
    expect((await new Agent(app).post('/api/admin/backup', { passphrase: PASSPHRASE })).statusCode).toBe(401);
    expect((await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'backup.downloaded'))).length).toBe(before);
  });
});
