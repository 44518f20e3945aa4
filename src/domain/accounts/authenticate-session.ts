import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { secondFactorStepOf, type SecondFactorStep } from '../second-factors/second-factor-step.js';
import { isSessionExpired, shouldTouch, type SessionLimits } from './session-expiry.js';
import { hashToken } from './tokens.js';

/** `secondFactor`: until `done`, the session reaches only its second step (decision 0026). */
export type AuthenticatedSession = { account: AccountRow; sessionId: string; secondFactor: SecondFactorStep };

/**
 * The account behind a session cookie, or null when absent, unknown or expired. An expired
 * session (or one of a disabled account) is deleted; a live one notes when it was last seen.
 */
export async function authenticateSession(ctx: CommandContext, input: { token: string; limits: SessionLimits }): Promise<AuthenticatedSession | null> {
  const { accounts } = ctx.repos;
  const id = hashToken(input.token);
  const found = await accounts.findSession(id);
  if (!found) return null;
  if (found.account.disabledAt || isSessionExpired(found.session, ctx.now, input.limits)) {
    await accounts.deleteSession(id);
    return null;
  }
  if (shouldTouch(found.session.lastSeenAt, ctx.now)) await accounts.touchSession(id, ctx.now);
  return { account: found.account, sessionId: id, secondFactor: await secondFactorStepOf(ctx, found.account.id, id) };
}
