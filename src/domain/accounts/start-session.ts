import type { CommandContext } from '../commands/command-context.js';
import { absoluteExpiry, type SessionLimits } from './session-expiry.js';
import { generateToken, hashToken } from './tokens.js';

/** Opens a session for the account and returns the cookie's secret (only its hash is stored). */
export async function startSession(ctx: CommandContext, account: { id: string }, input: { userAgent: string | null; limits: SessionLimits }): Promise<string> {
  const token = generateToken();
  await ctx.repos.accounts.createSession({
    id: hashToken(token),
    accountId: account.id,
    createdAt: ctx.now,
    expiresAt: absoluteExpiry(ctx.now, input.limits),
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return token;
}
