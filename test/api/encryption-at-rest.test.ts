import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKeyring, unwrapDataKey } from '../../src/crypto/keyring.js';
import { defaultMasterKeyFile, loadMasterKey } from '../../src/crypto/master-key.js';
import { createDataKeysRepository } from '../../src/db/repositories/data-keys-repository.js';
import { auditEvents, cards, dataKeys } from '../../src/db/schema/index.js';
import { rotateKeys } from '../../src/domain/admin/rotate-keys.js';
import { systemRequester } from '../../src/domain/commands/requester.js';
import { addCardText, signByForm } from '../support/card-fixtures.js';
import { createCampaign, type CampaignFixture } from '../support/factories.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const run = promisify(execFile);
let t: TestApp;
let f: CampaignFixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await createCampaign(t.database.db, { sites: 1, perSite: 3 });
  await addCardText(t.database.db, f.campaign.id);
});
afterAll(async () => t.close());

async function pgDump(): Promise<string> {
  const c = t.database.connection;
  const { stdout } = await run('pg_dump', ['--host', String(c.host), '--port', String(c.port), '--username', String(c.user), '--dbname', String(c.database)], {
    env: { ...process.env, PGPASSWORD: String(c.password) },
    maxBuffer: 256 * 1024 * 1024,
  });
  return stdout;
}

describe('encryption at rest', () => {
  it('keeps the master key in DATA_DIR beside the PostgreSQL directory, mode 0600, and only wrapped data keys in the database', async () => {
    const file = defaultMasterKeyFile(t.config.dataDir);
    expect(path.dirname(file)).toBe(t.config.dataDir);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const master = loadMasterKey(t.config.masterKey);
    await (await t.services.keyring.cipher()).encryptText('warm up');
    const rows = await t.database.db.select().from(dataKeys);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.wrappedKey.includes(unwrapDataKey(master, row.wrappedKey))).toBe(false);
    }
  });

  it('a card signed with a unique name: pg_dump holds neither the (unique, off-roster) name, the email, the phone, nor the confirmation mail in clear', async () => {
    const signer = f.people[1]!;
    const unique = { given: 'Zephyrine', family: `Quillfeather${Date.now()}` };
    const email = `zq${Date.now()}@mail.example`;
    const res = await signByForm(t.agent(), `/c/${f.campaign.slug}/card`, {
      legal_name: `${unique.given} ${unique.family}`,
      email,
      phone: '(323) 555-0199',
      worksite_id: signer.worksiteId,
      job_title: 'Teacher, Chemistry',
    });
    expect(res.statusCode).toBeLessThan(400);
    const [stored] = await t.database.db.select().from(cards).where(eq(cards.campaignId, f.campaign.id));
    expect(stored?.signerName.startsWith('uh1.')).toBe(true);

    const dump = await pgDump();
    expect(dump).not.toContain(unique.family);
    expect(dump).not.toContain(email);
    expect(dump).not.toContain('555-0199');
    expect(dump).not.toContain('Chemistry');
    expect(dump).toContain('data_keys');

    // With the key, the app reads the card back whole.
    const [opened] = await t.services.repositories.cards.listAllForVerification(f.campaign.id);
    expect(opened?.signerName).toBe(`${unique.given} ${unique.family}`);
    expect(opened?.email).toBe(email);
  });

  it('rotate-keys: a new data key for new writes, every data key rewrapped by the new master key; the old one opens nothing, audited', async () => {
    const store = createDataKeysRepository(t.database.db);
    const oldMasterKey = loadMasterKey(t.config.masterKey);
    const before = (await t.services.keyring.cipher()).encryptText('a conversation note');
    const newMasterKey = Buffer.alloc(32, 7);
    const result = await t.services.execute(rotateKeys, systemRequester('cli'), { oldMasterKey, newMasterKey });
    const rows = await store.list();
    // The one current field key is the new one (the link key, decision 0028, is never retired).
    expect(rows.filter((r) => r.retiredAt === null && r.purpose === 'field').map((r) => r.id)).toEqual([result.newDataKeyId]);
    const reopened = await createKeyring({ masterKey: newMasterKey, store }).cipher();
    expect(reopened.decryptText(before)).toBe('a conversation note');
    const after = reopened.encryptText('a later note');
    expect(after).not.toBe(before);
    expect(after.slice(0, 26)).not.toBe(before.slice(0, 26)); // another data key id
    await expect(createKeyring({ masterKey: oldMasterKey, store }).cipher()).rejects.toThrow(/not the one/);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'keys.rotated'));
    expect(audit).toHaveLength(1);
  });
});
