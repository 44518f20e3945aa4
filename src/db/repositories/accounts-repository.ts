import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { accounts, loginTokens, sessions } from '../schema/index.js';

export type AccountRow = typeof accounts.$inferSelect;

export function createAccountsRepository(db: Executor) {
  return {
    async findByEmail(email: string): Promise<AccountRow | undefined> {
      const [row] = await db.select().from(accounts).where(sql`lower(${accounts.email}) = lower(${email})`);
      return row;
    },
    async findById(id: string): Promise<AccountRow | undefined> {
      const [row] = await db.select().from(accounts).where(eq(accounts.id, id));
      return row;
    },
    /** Accounts that can be used (not disabled): the demo's placeholder accounts do not count. */
    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(accounts).where(isNull(accounts.disabledAt));
      return row?.n ?? 0;
    },
    async list(): Promise<AccountRow[]> {
      return db.select().from(accounts).orderBy(accounts.email);
    },
    async create(input: { email: string; name: string; instanceAdmin?: boolean; passwordHash?: string | null }): Promise<AccountRow> {
      const [row] = await db
        .insert(accounts)
        .values({ email: input.email, name: input.name, instanceAdmin: input.instanceAdmin ?? false, passwordHash: input.passwordHash ?? null })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async setPassword(id: string, passwordHash: string): Promise<void> {
      await db.update(accounts).set({ passwordHash, failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, id));
    },
    /** Disables (a date) or re-enables (null) an account; its sessions are the command's to end. */
    async setDisabled(id: string, disabledAt: Date | null): Promise<void> {
      await db.update(accounts).set({ disabledAt }).where(eq(accounts.id, id));
    },
    async setInstanceAdmin(id: string, instanceAdmin: boolean): Promise<void> {
      await db.update(accounts).set({ instanceAdmin }).where(eq(accounts.id, id));
    },
    /**
     * Locks the enabled instance admins (in the caller's transaction) and returns their ids: two
     * simultaneous demotions or disablings of the last two wait for each other, and the second is refused.
     */
    async lockInstanceAdmins(): Promise<string[]> {
      const rows = await db
        .select({ id: accounts.id })
        .from(accounts)
        .where(and(eq(accounts.instanceAdmin, true), isNull(accounts.disabledAt)))
        .orderBy(accounts.id)
        .for('update');
      return rows.map((r) => r.id);
    },
    async recordFailedLogin(id: string, lockedUntil: Date | null): Promise<number> {
      const [row] = await db
        .update(accounts)
        .set({ failedLogins: sql`${accounts.failedLogins} + 1`, lockedUntil })
        .where(eq(accounts.id, id))
        .returning({ failedLogins: accounts.failedLogins });
      return row?.failedLogins ?? 0;
    },
    async clearFailedLogins(id: string): Promise<void> {
      await db.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, id));
    },

    async createSession(input: { id: string; accountId: string; createdAt: Date; expiresAt: Date; userAgent: string | null }): Promise<void> {
      await db.insert(sessions).values({ ...input, lastSeenAt: input.createdAt });
    },
    async findSession(id: string) {
      const [row] = await db
        .select({ session: sessions, account: accounts })
        .from(sessions)
        .innerJoin(accounts, eq(accounts.id, sessions.accountId))
        .where(eq(sessions.id, id));
      return row;
    },
    async touchSession(id: string, at: Date): Promise<void> {
      await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
    },
    async deleteSession(id: string): Promise<void> {
      await db.delete(sessions).where(eq(sessions.id, id));
    },
    async listSessionsOf(accountId: string) {
      return db.select().from(sessions).where(eq(sessions.accountId, accountId)).orderBy(desc(sessions.lastSeenAt));
    },
    /** Ends every session of the account but one (the requester's own); returns how many. */
    async deleteOtherSessionsOf(accountId: string, keepId: string): Promise<number> {
      const rows = await db
        .delete(sessions)
        .where(and(eq(sessions.accountId, accountId), ne(sessions.id, keepId)))
        .returning({ id: sessions.id });
      return rows.length;
    },
    async deleteSessionsOf(accountId: string): Promise<number> {
      const rows = await db.delete(sessions).where(eq(sessions.accountId, accountId)).returning({ id: sessions.id });
      return rows.length;
    },

    async createLoginToken(input: { tokenHash: string; accountId: string; purpose: 'welcome' | 'reset'; expiresAt: Date }): Promise<void> {
      await db.insert(loginTokens).values(input);
    },
    async findLoginToken(tokenHash: string, now: Date) {
      const [row] = await db
        .select()
        .from(loginTokens)
        .where(and(eq(loginTokens.tokenHash, tokenHash), isNull(loginTokens.usedAt), gt(loginTokens.expiresAt, now)));
      return row;
    },
    /**
     * Ends every unused link of the account (except `keep`) by expiring it now: a newer link, or a
     * used one, makes the older ones worthless (decision 0027). Returns how many.
     */
    async expireLoginTokens(accountId: string, now: Date, keep?: string): Promise<number> {
      const rows = await db
        .update(loginTokens)
        .set({ expiresAt: now })
        .where(and(eq(loginTokens.accountId, accountId), isNull(loginTokens.usedAt), gt(loginTokens.expiresAt, now), keep ? ne(loginTokens.tokenHash, keep) : undefined))
        .returning({ tokenHash: loginTokens.tokenHash });
      return rows.length;
    },
    /** Marks the token used and returns it, atomically: a token works once, even under a race. */
    async consumeLoginToken(tokenHash: string, now: Date) {
      const [row] = await db
        .update(loginTokens)
        .set({ usedAt: now })
        .where(and(eq(loginTokens.tokenHash, tokenHash), isNull(loginTokens.usedAt), gt(loginTokens.expiresAt, now)))
        .returning();
      return row;
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
