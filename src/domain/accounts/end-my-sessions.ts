import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { sessionHandle } from './session-handle.js';

/**
 * Ends one of the requester's other sessions (by its handle), or all of them but the current one
 * (`handle` absent): a phone left at school, a browser at a relative's. Returns how many ended.
 */
export async function endMySessions(ctx: CommandContext, input: { sessionId: string; handle?: string }): Promise<{ sessionsEnded: number }> {
  const { accounts } = ctx.repos;
  const accountId = ctx.requester.accountId;
  if (!accountId) throw new AppError('unauthenticated', 'Sign in first.');
  if (input.handle === undefined) {
    const sessionsEnded = await accounts.deleteOtherSessionsOf(accountId, input.sessionId);
    await ctx.audit('auth.other_sessions_ended', { campaignId: null, details: { sessions: sessionsEnded } });
    return { sessionsEnded };
  }
  const target = (await accounts.listSessionsOf(accountId)).find((s) => sessionHandle(s.id) === input.handle);
  if (!target) throw new AppError('not_found', 'No such session: it may have ended already.', [{ field: 'handle', reason: 'not one of your sessions' }]);
  if (target.id === input.sessionId) throw new AppError('validation_failed', 'This is the session you are using: sign out instead.', [{ field: 'handle', reason: 'is your current session' }]);
  await accounts.deleteSession(target.id);
  await ctx.audit('auth.session_ended', { campaignId: null, details: { startedAt: target.createdAt.toISOString(), userAgent: target.userAgent } });
  return { sessionsEnded: 1 };
}
