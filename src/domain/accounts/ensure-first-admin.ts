import type { CommandContext } from '../commands/command-context.js';
import { insertAccount } from './insert-account.js';
import { issueLoginLink } from './issue-login-link.js';

export type EnsureFirstAdminInput = { email: string; demoSlug: string; publicUrl: string };

/**
 * The first start makes an instance admin (an admin of the demo campaign too, when it is loaded)
 * and returns a one-time sign-in link for the console. Until that admin has chosen a password,
 * every start returns a fresh link (the old one may be lost); after that, or once anyone else has
 * an account, null.
 */
export async function ensureFirstAdmin(ctx: CommandContext, input: EnsureFirstAdminInput): Promise<string | null> {
  const { accounts, campaigns } = ctx.repos;
  const existing = await accounts.findByEmail(input.email);
  if (existing) return existing.passwordHash ? null : issueLoginLink(ctx, existing, 'welcome', input.publicUrl);
  if ((await accounts.count()) > 0) return null;
  const { account, welcomeLink } = await insertAccount(ctx, { email: input.email, name: 'Campaign Admin', instanceAdmin: true, publicUrl: input.publicUrl });
  const demo = await campaigns.findBySlug(input.demoSlug);
  if (demo) await campaigns.saveMembership({ accountId: account.id, campaignId: demo.id, role: 'admin', worksiteIds: [] });
  await ctx.audit('account.created', { campaignId: null, subject: { type: 'account', id: account.id }, details: { email: account.email, firstRun: true } });
  return welcomeLink;
}
