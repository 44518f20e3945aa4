import { and, eq, gt, isNull, sql } from 'drizzle-orm';
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
