import { and, asc, eq, gt, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Keyring } from '../../crypto/keyring.js';
import type { Role } from '../../vocabulary/roles.js';
import type { Executor } from '../client.js';
import { accounts, memberships, passkeys, recoveryCodes, secondFactorFailures, secondFactorRequirements, sessionSecondFactors, totpFactors } from '../schema/index.js';

export type PasskeyRow = typeof passkeys.$inferSelect;
export type TotpFactor = { secret: string; confirmedAt: Date | null; lastStep: number | null };
export type SecondFactorSummary = { totp: boolean; passkeys: number; recoveryCodesLeft: number };
export type AccountSecondFactors = SecondFactorSummary & { accountId: string; email: string; name: string };

/** Second factors (decision 0026): the TOTP secret is sealed with the keyring at this edge. */
export function createSecondFactorsRepository(db: Executor, keyring: Keyring) {
  // Qualified by hand: Drizzle writes a column in a select's sql as its bare name, and inside a
  // subquery on passkeys (which has its own "id") that would be the passkey's id.
  const accountIdColumn = sql.raw('"accounts"."id"');
  async function summaryWhere(accountId: string | null) {
    const rows = await db
      .select({
        accountId: accounts.id,
        email: accounts.email,
        name: accounts.name,
        totp: sql<boolean>`exists (select 1 from ${totpFactors} t where t.account_id = ${accountIdColumn} and t.confirmed_at is not null)`,
        passkeys: sql<number>`(select count(*)::int from ${passkeys} p where p.account_id = ${accountIdColumn})`,
        recoveryCodesLeft: sql<number>`(select count(*)::int from ${recoveryCodes} r where r.account_id = ${accountIdColumn} and r.used_at is null)`,
      })
      .from(accounts)
      .where(accountId ? eq(accounts.id, accountId) : undefined)
      .orderBy(asc(accounts.email));
    return rows;
  }

  return {
    async listRequirements(): Promise<{ role: Role; required: boolean }[]> {
      return db.select({ role: secondFactorRequirements.role, required: secondFactorRequirements.required }).from(secondFactorRequirements);
    },
    async setRequirement(role: Role, required: boolean, at: Date): Promise<void> {
      await db
        .insert(secondFactorRequirements)
        .values({ role, required, updatedAt: at })
        .onConflictDoUpdate({ target: secondFactorRequirements.role, set: { required, updatedAt: at } });
    },

    /**
     * In one statement: whether any role the account holds (instance admin counting as admin)
     * requires a second factor, whether it has one, and whether this session passed it.
     */
    async stateOf(accountId: string, sessionId: string): Promise<{ required: boolean; enrolled: boolean; verified: boolean }> {
      const result = await db.execute<{ required: boolean; enrolled: boolean; verified: boolean }>(sql`
        select
          exists (
            select 1 from ${secondFactorRequirements} r
            where r.required and (
              r.role in (select m.role from ${memberships} m where m.account_id = ${accountId})
              or (r.role = 'admin' and exists (select 1 from ${accounts} a where a.id = ${accountId} and a.instance_admin))
            )
          ) as required,
          (exists (select 1 from ${totpFactors} t where t.account_id = ${accountId} and t.confirmed_at is not null)
            or exists (select 1 from ${passkeys} p where p.account_id = ${accountId})) as enrolled,
          exists (select 1 from ${sessionSecondFactors} s where s.session_id = ${sessionId} and s.verified_at is not null) as verified`);
      const row = result.rows[0];
      return { required: row?.required ?? false, enrolled: row?.enrolled ?? false, verified: row?.verified ?? false };
    },
    async markSessionVerified(sessionId: string, at: Date): Promise<void> {
      await db
        .insert(sessionSecondFactors)
        .values({ sessionId, verifiedAt: at })
        .onConflictDoUpdate({ target: sessionSecondFactors.sessionId, set: { verifiedAt: at, challenge: null, challengeExpiresAt: null } });
    },
    async setChallenge(sessionId: string, challenge: string, expiresAt: Date): Promise<void> {
      await db
        .insert(sessionSecondFactors)
        .values({ sessionId, challenge, challengeExpiresAt: expiresAt })
        .onConflictDoUpdate({ target: sessionSecondFactors.sessionId, set: { challenge, challengeExpiresAt: expiresAt } });
    },
    /** The session's WebAuthn challenge, cleared as it is read: a challenge is answered once. */
    async takeChallenge(sessionId: string, now: Date): Promise<string | null> {
      const [row] = await db
        .select({ challenge: sessionSecondFactors.challenge })
        .from(sessionSecondFactors)
        .where(and(eq(sessionSecondFactors.sessionId, sessionId), isNotNull(sessionSecondFactors.challenge), gt(sessionSecondFactors.challengeExpiresAt, now)))
        .for('update');
      await db.update(sessionSecondFactors).set({ challenge: null, challengeExpiresAt: null }).where(eq(sessionSecondFactors.sessionId, sessionId));
      return row?.challenge ?? null;
    },

    async summaryOf(accountId: string): Promise<SecondFactorSummary> {
      const [row] = await summaryWhere(accountId);
      return { totp: row?.totp ?? false, passkeys: row?.passkeys ?? 0, recoveryCodesLeft: row?.recoveryCodesLeft ?? 0 };
    },
    async listAccounts(): Promise<AccountSecondFactors[]> {
      return summaryWhere(null);
    },

    async findTotp(accountId: string): Promise<TotpFactor | undefined> {
      const [row] = await db.select().from(totpFactors).where(eq(totpFactors.accountId, accountId));
      if (!row) return undefined;
      const cipher = await keyring.cipher();
      return { secret: cipher.decryptText(row.secret), confirmedAt: row.confirmedAt, lastStep: row.lastStep };
    },
    /** A new, unconfirmed secret (replacing an unconfirmed one); a confirmed factor is never replaced here. */
    async saveUnconfirmedTotp(accountId: string, secret: string, at: Date): Promise<void> {
      const sealed = (await keyring.cipher()).encryptText(secret);
      await db
        .insert(totpFactors)
        .values({ accountId, secret: sealed, createdAt: at })
        .onConflictDoUpdate({ target: totpFactors.accountId, set: { secret: sealed, createdAt: at, lastStep: null }, setWhere: isNull(totpFactors.confirmedAt) });
    },
    /**
     * Spends a code's time step: true only if no code of this step or a later one was accepted
     * before (checked and written in one statement, so two uses at once cannot both pass).
     */
    async useTotpStep(accountId: string, step: number, confirmAt: Date | null): Promise<boolean> {
      const rows = await db
        .update(totpFactors)
        .set({ lastStep: step, ...(confirmAt ? { confirmedAt: confirmAt } : {}) })
        .where(and(eq(totpFactors.accountId, accountId), or(isNull(totpFactors.lastStep), lt(totpFactors.lastStep, step))))
        .returning({ accountId: totpFactors.accountId });
      return rows.length === 1;
    },
    async deleteTotp(accountId: string): Promise<boolean> {
      const rows = await db.delete(totpFactors).where(eq(totpFactors.accountId, accountId)).returning({ accountId: totpFactors.accountId });
      return rows.length === 1;
    },

    async listPasskeys(accountId: string): Promise<PasskeyRow[]> {
      return db.select().from(passkeys).where(eq(passkeys.accountId, accountId)).orderBy(asc(passkeys.createdAt));
    },
    async findPasskey(accountId: string, credentialId: string): Promise<PasskeyRow | undefined> {
      const [row] = await db.select().from(passkeys).where(and(eq(passkeys.accountId, accountId), eq(passkeys.credentialId, credentialId)));
      return row;
    },
    async insertPasskey(input: { accountId: string; credentialId: string; publicKey: Buffer; counter: number; transports: string[]; name: string; createdAt: Date }): Promise<PasskeyRow> {
      const [row] = await db.insert(passkeys).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async recordPasskeyUse(id: string, counter: number, at: Date): Promise<void> {
      await db.update(passkeys).set({ counter, lastUsedAt: at }).where(eq(passkeys.id, id));
    },
    async deletePasskey(accountId: string, id: string): Promise<boolean> {
      const rows = await db.delete(passkeys).where(and(eq(passkeys.accountId, accountId), eq(passkeys.id, id))).returning({ id: passkeys.id });
      return rows.length === 1;
    },

    async replaceRecoveryCodes(accountId: string, codeHashes: string[], at: Date): Promise<void> {
      await db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
      await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ codeHash, accountId, createdAt: at })));
    },
    /** Marks an unused code used and says whether it was one: each code works once, even under a race. */
    async consumeRecoveryCode(accountId: string, codeHash: string, at: Date): Promise<boolean> {
      const rows = await db
        .update(recoveryCodes)
        .set({ usedAt: at })
        .where(and(eq(recoveryCodes.accountId, accountId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
        .returning({ codeHash: recoveryCodes.codeHash });
      return rows.length === 1;
    },

    async findFailures(accountId: string): Promise<{ failures: number; lockedUntil: Date | null }> {
      const [row] = await db.select().from(secondFactorFailures).where(eq(secondFactorFailures.accountId, accountId));
      return { failures: row?.failures ?? 0, lockedUntil: row?.lockedUntil ?? null };
    },
    async recordFailure(accountId: string, lockedUntil: Date | null): Promise<number> {
      const [row] = await db
        .insert(secondFactorFailures)
        .values({ accountId, failures: 1, lockedUntil })
        .onConflictDoUpdate({ target: secondFactorFailures.accountId, set: { failures: sql`${secondFactorFailures.failures} + 1`, lockedUntil } })
        .returning({ failures: secondFactorFailures.failures });
      return row?.failures ?? 1;
    },
    async clearFailures(accountId: string): Promise<void> {
      await db.delete(secondFactorFailures).where(eq(secondFactorFailures.accountId, accountId));
    },

    /** Removes every factor and recovery code of the account (an admin's reset). */
    async deleteAllOf(accountId: string): Promise<void> {
      await db.delete(totpFactors).where(eq(totpFactors.accountId, accountId));
      await db.delete(passkeys).where(eq(passkeys.accountId, accountId));
      await db.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
      await db.delete(secondFactorFailures).where(eq(secondFactorFailures.accountId, accountId));
    },
  };
}

export type SecondFactorsRepository = ReturnType<typeof createSecondFactorsRepository>;
