import { and, eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, passkeys, recoveryCodes, sessions, totpFactors } from '../../src/db/schema/index.js';
import { addMember, createAccount, createCampaign, createMember, type CampaignFixture, TEST_PASSWORD } from '../support/factories.js';
import { createTestApp, type Agent, type TestApp } from '../support/test-app.js';
import { systemRequester } from '../../src/domain/commands/requester.js';
import { resetSecondFactor } from '../../src/domain/second-factors/reset-second-factor.js';

// The migration's requirement stays on here: admins and organizers must have a second factor.
let t: TestApp;
let fixture: CampaignFixture;
beforeAll(async () => {
  t = await createTestApp({ secondFactorRequired: true });
  fixture = await createCampaign(t.database.db);
});
afterAll(async () => t.close());

const codeAt = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });
const errorCode = (body: string) => (JSON.parse(body) as { error: { code: string } }).error.code;
const actionsAbout = async (accountId: string) =>
  (await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectType, 'account'), eq(auditEvents.subjectId, accountId)))).map((e) => e.action);
const del = (agent: Agent, url: string) => agent.request({ method: 'DELETE', url });

/** Signs in with the password and enrols an authenticator app; returns its secret and the recovery codes shown. */
async function enrolTotp(agent: Agent, email: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  await agent.login(email, TEST_PASSWORD);
  const started = await agent.post('/api/auth/second-factor/totp');
  expect(started.statusCode, started.body).toBe(200);
  const { secret, uri, qrCode } = started.json() as { secret: string; uri: string; qrCode: string };
  expect(uri).toContain(`secret=${secret}`);
  expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
  const confirmed = await agent.post('/api/auth/second-factor/totp/confirm', { code: codeAt(secret, t.clock.now) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  const { recoveryCodes: codes } = confirmed.json() as { recoveryCodes: string[] };
  expect(codes).toHaveLength(10);
  return { secret, recoveryCodes: codes };
}

describe('the requirement per role', () => {
  it('keeps an organizer without a factor from reaching anything but enrolment, until enrolled', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const agent = t.agent();
    await agent.login(organizer.email, TEST_PASSWORD);
    for (const url of ['/api/auth/me', `/api/campaigns/${fixture.campaign.slug}`, `/api/campaigns/${fixture.campaign.slug}/people`]) {
      const res = await agent.get(url);
      expect(res.statusCode, url).toBe(403);
      expect(errorCode(res.body)).toBe('second_factor_required');
    }
    expect((await agent.post(`/api/campaigns/${fixture.campaign.slug}/press`, { kind: 'release', headline: 'x', publishedOn: '2026-01-15', bodyMarkdown: 'x' })).statusCode).toBe(403);
    const status = (await agent.get('/api/auth/second-factor')).json() as { step: string; required: boolean };
    expect(status).toMatchObject({ step: 'enrol', required: true });

    const started = (await agent.post('/api/auth/second-factor/totp')).json() as { secret: string };
    // A wrong code does not enrol anything, and the session stays shut.
    const wrong = await agent.post('/api/auth/second-factor/totp/confirm', { code: codeAt(started.secret, new Date(t.clock.now.getTime() - 5 * 60_000)) });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: { fields: [{ field: 'code' }] } });
    expect((await agent.get('/api/auth/me')).statusCode).toBe(403);

    const confirmed = await agent.post('/api/auth/second-factor/totp/confirm', { code: codeAt(started.secret, t.clock.now) });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);
    expect((await agent.get(`/api/campaigns/${fixture.campaign.slug}`)).statusCode).toBe(200);
    expect(await actionsAbout(organizer.id)).toEqual(expect.arrayContaining(['second_factor.totp_enrolled', 'second_factor.recovery_codes_issued']));
  });

  it('treats an instance admin as an admin, and leaves committee members and viewers free to go without', async () => {
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const adminAgent = t.agent();
    await adminAgent.login(admin.email, TEST_PASSWORD);
    expect(errorCode((await adminAgent.get('/api/admin/users')).body)).toBe('second_factor_required');

    const viewer = await createMember(t.database.db, fixture, 'viewer');
    const viewerAgent = t.agent();
    await viewerAgent.login(viewer.email, TEST_PASSWORD);
    expect((await viewerAgent.get('/api/auth/me')).statusCode).toBe(200);
    expect(((await viewerAgent.get('/api/auth/second-factor')).json() as { step: string }).step).toBe('done');
  });

  it('is set by the instance admin, audited, and applies to a session at its next request', async () => {
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const adminAgent = t.agent();
    await enrolTotp(adminAgent, admin.email);
    const current = (await adminAgent.get('/api/admin/second-factor/requirements')).json() as { requirements: { role: string; required: boolean }[] };
    expect(current.requirements).toEqual([
      { role: 'admin', required: true },
      { role: 'organizer', required: true },
      { role: 'committee', required: false },
      { role: 'viewer', required: false },
    ]);

    const member = await createMember(t.database.db, fixture, 'committee');
    const memberAgent = t.agent();
    await memberAgent.login(member.email, TEST_PASSWORD);
    expect((await memberAgent.get('/api/auth/me')).statusCode).toBe(200);

    const set = await adminAgent.put('/api/admin/second-factor/requirements', { requirements: [{ role: 'committee', required: true }] });
    expect(set.statusCode, set.body).toBe(200);
    expect((set.json() as { requirements: { role: string; required: boolean }[] }).requirements).toContainEqual({ role: 'committee', required: true });
    const [row] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'second_factor.requirements_changed'), eq(auditEvents.actorAccountId, admin.id)));
    expect(row?.details).toMatchObject({ changed: [{ role: 'committee', required: true }] });
    // The committee member's open session now leads to enrolment.
    expect(errorCode((await memberAgent.get('/api/auth/me')).body)).toBe('second_factor_required');

    // Someone who is not an instance admin cannot change it, and bad input names the field.
    const organizer = await createMember(t.database.db, fixture, 'viewer');
    const other = t.agent();
    await other.login(organizer.email, TEST_PASSWORD);
    expect((await other.put('/api/admin/second-factor/requirements', { requirements: [{ role: 'admin', required: false }] })).statusCode).toBe(403);
    const bad = await adminAgent.put('/api/admin/second-factor/requirements', { requirements: [{ role: 'boss', required: true }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.requirements.0.role');

    expect((await adminAgent.put('/api/admin/second-factor/requirements', { requirements: [{ role: 'committee', required: false }] })).statusCode).toBe(200);
  });
});

describe('signing in with an authenticator app', () => {
  it('asks for the code after the password; a right code opens the session, a wrong or replayed one does not', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const { secret } = await enrolTotp(t.agent(), organizer.email);
    t.clock.advanceMinutes(1);

    const agent = t.agent();
    await agent.login(organizer.email, TEST_PASSWORD);
    expect(((await agent.get('/api/auth/second-factor')).json() as { step: string; totp: boolean }).step).toBe('verify');
    expect(errorCode((await agent.get('/api/auth/me')).body)).toBe('second_factor_required');
    // Enrolling another factor is not a way around the code: a phished password is not enough.
    expect((await agent.post('/api/auth/second-factor/totp')).statusCode).toBe(403);
    expect((await agent.post('/api/auth/second-factor/passkeys/registration')).statusCode).toBe(403);

    const wrong = await agent.post('/api/auth/second-factor/verify', { code: codeAt(secret, new Date(t.clock.now.getTime() - 10 * 60_000)) });
    expect(wrong.statusCode).toBe(401);
    expect(errorCode(wrong.body)).toBe('invalid_credentials');
    const code = codeAt(secret, t.clock.now);
    const right = await agent.post('/api/auth/second-factor/verify', { code });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json()).toEqual({ method: 'totp', recoveryCodesLeft: 10 });
    expect((await agent.get('/api/auth/me')).statusCode).toBe(200);

    // The same code again, from another session within its 30 seconds: refused.
    const replay = t.agent();
    await replay.login(organizer.email, TEST_PASSWORD);
    expect((await replay.post('/api/auth/second-factor/verify', { code })).statusCode).toBe(401);
    expect((await replay.get('/api/auth/me')).statusCode).toBe(403);
    const audited = await actionsAbout(organizer.id);
    expect(audited).toEqual(expect.arrayContaining(['second_factor.verified', 'second_factor.failed']));
    const failures = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'second_factor.failed'), eq(auditEvents.subjectId, organizer.id)));
    expect(failures.map((f) => (f.details as { reason: string }).reason)).toEqual(['wrong_code', 'replayed_code']);
    // The secret is not in the database in clear.
    const [stored] = await t.database.db.select().from(totpFactors).where(eq(totpFactors.accountId, organizer.id));
    expect(stored?.secret).not.toContain(secret);
  });

  it('backs off after repeated wrong codes, even for the right one, then lets it through', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const { secret } = await enrolTotp(t.agent(), organizer.email);
    t.clock.advanceMinutes(1);
    const agent = t.agent();
    await agent.login(organizer.email, TEST_PASSWORD);
    for (let i = 0; i < 5; i++) expect((await agent.post('/api/auth/second-factor/verify', { code: `00000${i}` })).statusCode).toBe(401);
    expect((await agent.post('/api/auth/second-factor/verify', { code: codeAt(secret, t.clock.now) })).statusCode).toBe(401);
    t.clock.advanceMinutes(2);
    const right = await agent.post('/api/auth/second-factor/verify', { code: codeAt(secret, t.clock.now) });
    expect(right.statusCode, right.body).toBe(200);
  });
});

describe('recovery codes', () => {
  it('each work once, in place of the app', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const { recoveryCodes: codes } = await enrolTotp(t.agent(), organizer.email);
    const stored = await t.database.db.select().from(recoveryCodes).where(eq(recoveryCodes.accountId, organizer.id));
    expect(stored).toHaveLength(10);
    for (const code of codes) expect(stored.map((s) => s.codeHash)).not.toContain(code);

    const first = t.agent();
    await first.login(organizer.email, TEST_PASSWORD);
    const used = await first.post('/api/auth/second-factor/verify', { code: codes[0]!.toUpperCase() });
    expect(used.statusCode, used.body).toBe(200);
    expect(used.json()).toEqual({ method: 'recovery_code', recoveryCodesLeft: 9 });
    expect((await first.get('/api/auth/me')).statusCode).toBe(200);

    const again = t.agent();
    await again.login(organizer.email, TEST_PASSWORD);
    expect((await again.post('/api/auth/second-factor/verify', { code: codes[0] })).statusCode).toBe(401);
    expect((await again.post('/api/auth/second-factor/verify', { code: codes[1] })).statusCode).toBe(200);
    expect(await actionsAbout(organizer.id)).toContain('second_factor.recovery_code_used');
  });

  it('can be regenerated from a verified session; the old ones stop working', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const agent = t.agent();
    const { recoveryCodes: old } = await enrolTotp(agent, organizer.email);
    const fresh = await agent.post('/api/auth/second-factor/recovery-codes');
    expect(fresh.statusCode, fresh.body).toBe(200);
    const { recoveryCodes: codes } = fresh.json() as { recoveryCodes: string[] };
    expect(codes).toHaveLength(10);
    const next = t.agent();
    await next.login(organizer.email, TEST_PASSWORD);
    expect((await next.post('/api/auth/second-factor/verify', { code: old[2] })).statusCode).toBe(401);
    expect((await next.post('/api/auth/second-factor/verify', { code: codes[2] })).statusCode).toBe(200);
  });
});

describe('security settings', () => {
  it('list the factors; the last one of a required role stays, an optional one goes', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const agent = t.agent();
    await enrolTotp(agent, organizer.email);
    expect((await agent.get('/api/auth/second-factor')).json()).toEqual({ step: 'done', required: true, totp: true, hasPasskey: false, passkeys: [], recoveryCodesLeft: 10 });
    const refused = await del(agent, '/api/auth/second-factor/totp');
    expect(refused.statusCode).toBe(409);

    const viewer = await createMember(t.database.db, fixture, 'viewer');
    const viewerAgent = t.agent();
    await enrolTotp(viewerAgent, viewer.email);
    expect((await del(viewerAgent, '/api/auth/second-factor/totp')).statusCode).toBe(200);
    expect(((await viewerAgent.get('/api/auth/second-factor')).json() as { totp: boolean }).totp).toBe(false);
    expect(await actionsAbout(viewer.id)).toContain('second_factor.totp_removed');
  });

  it('count passkeys apart from the app: one more factor lets the app go, and the passkey is listed by name', async () => {
    const organizer = await createMember(t.database.db, fixture, 'organizer');
    const agent = t.agent();
    await enrolTotp(agent, organizer.email);
    // A passkey as the browser test registers it (here its row alone: no authenticator in an API test).
    const [key] = await t.database.db.insert(passkeys).values({ accountId: organizer.id, credentialId: `cred-${organizer.id}`, publicKey: Buffer.from('not used here'), name: 'Phone' }).returning();
    const listed = (await agent.get('/api/auth/second-factor')).json() as { hasPasskey: boolean; passkeys: { id: string; name: string }[] };
    expect(listed).toMatchObject({ hasPasskey: true, passkeys: [{ id: key!.id, name: 'Phone' }] });
    expect((await del(agent, '/api/auth/second-factor/totp')).statusCode).toBe(200);
    expect((await del(agent, `/api/auth/second-factor/passkeys/${key!.id}`)).statusCode).toBe(409);
    expect(await actionsAbout(organizer.id)).toContain('second_factor.totp_removed');
  });
});

describe('an admin reset', () => {
  it('removes the factors, ends every session of that account, and is audited', async () => {
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    const adminAgent = t.agent();
    await enrolTotp(adminAgent, admin.email);
    const organizer = await createAccount(t.database.db);
    await addMember(t.database.db, organizer.id, fixture.campaign.id, 'organizer');
    const organizerAgent = t.agent();
    await enrolTotp(organizerAgent, organizer.email);
    expect((await organizerAgent.get('/api/auth/me')).statusCode).toBe(200);

    const listed = (await adminAgent.get('/api/admin/second-factor/accounts')).json() as { accounts: { accountId: string; totp: boolean; recoveryCodesLeft: number }[] };
    expect(listed.accounts.find((a) => a.accountId === organizer.id)).toMatchObject({ totp: true, recoveryCodesLeft: 10 });

    // Only an instance admin may reset.
    expect((await organizerAgent.post(`/api/admin/second-factor/accounts/${admin.id}/reset`)).statusCode).toBe(403);

    const reset = await adminAgent.post(`/api/admin/second-factor/accounts/${organizer.id}/reset`);
    expect(reset.statusCode, reset.body).toBe(200);
    expect(reset.json()).toEqual({ sessionsEnded: 1 });
    expect(await t.database.db.select().from(sessions).where(eq(sessions.accountId, organizer.id))).toEqual([]);
    expect((await organizerAgent.get('/api/auth/me')).statusCode).toBe(401);
    const [row] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'second_factor.reset'), eq(auditEvents.subjectId, organizer.id)));
    expect(row).toMatchObject({ actorAccountId: admin.id, details: { removed: { totp: true, passkeys: 0, recoveryCodesLeft: 10 }, sessionsEnded: 1 } });

    // Next sign-in: set up a factor again.
    const next = t.agent();
    await next.login(organizer.email, TEST_PASSWORD);
    expect(((await next.get('/api/auth/second-factor')).json() as { step: string }).step).toBe('enrol');
  });

  it('can be done by whoever holds the data folder (the CLI), by email, when the only admin lost everything', async () => {
    const admin = await createAccount(t.database.db, { instanceAdmin: true });
    await enrolTotp(t.agent(), admin.email);
    const result = await t.services.execute(resetSecondFactor, systemRequester('cli'), { email: admin.email.toUpperCase() });
    expect(result).toEqual({ sessionsEnded: 1 });
    const [row] = await t.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'second_factor.reset'), eq(auditEvents.subjectId, admin.id)));
    expect(row).toMatchObject({ actorEmail: 'cli', actorAccountId: null });
    const next = t.agent();
    await next.login(admin.email, TEST_PASSWORD);
    expect(((await next.get('/api/auth/second-factor')).json() as { step: string }).step).toBe('enrol');
  });
});
