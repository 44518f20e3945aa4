import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { sessionHandle } from './session-handle.js';

export type MySession = { handle: string; userAgent: string | null; createdAt: Date; lastSeenAt: Date; current: boolean };

/** The requester's own sessions (browser, started, last seen), the current one marked. */
export async function listMySessions(ctx: CommandContext, input: { sessionId: string }): Promise<MySession[]> {
  if (!ctx.requester.accountId) throw new AppError('unauthenticated', 'Sign in first.');
  const rows = await ctx.repos.accounts.listSessionsOf(ctx.requester.accountId);
  return rows.map((s) => ({ handle: sessionHandle(s.id), userAgent: s.userAgent, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, current: s.id === input.sessionId }));
}
