import type { CommandContext } from '../commands/command-context.js';
import { generateToken, hashToken } from './tokens.js';

export type LoginLinkPurpose = 'welcome' | 'reset';

/** How long a one-time link works: a newcomer may take a weekend; a reset is for now. */
export const LOGIN_LINK_MINUTES: Record<LoginLinkPurpose, number> = { welcome: 72 * 60, reset: 60 };

/**
 * Stores a one-time sign-in link (only its hash) and returns the link to give the person. Older
 * unused links of the account stop working: only the newest one mailed opens it (decision 0027).
 */
export async function issueLoginLink(ctx: CommandContext, account: { id: string }, purpose: LoginLinkPurpose, publicUrl: string): Promise<string> {
  await ctx.repos.accounts.expireLoginTokens(account.id, ctx.now);
  const token = generateToken();
  const expiresAt = new Date(ctx.now.getTime() + LOGIN_LINK_MINUTES[purpose] * 60_000);
  await ctx.repos.accounts.createLoginToken({ tokenHash: hashToken(token), accountId: account.id, purpose, expiresAt });
  return `${publicUrl}/app/${purpose}?token=${token}`;
}
