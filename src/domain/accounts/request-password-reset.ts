import type { CommandContext } from '../commands/command-context.js';
import { auditAccountEvent } from './audit-account-event.js';
import { issueLoginLink, LOGIN_LINK_MINUTES } from './issue-login-link.js';

/**
 * Records a reset link's message for the account, if there is one: the caller answers the same
 * either way, so the form cannot be used to learn who has an account. The message commits with
 * the link and is delivered after the commit.
 */
export async function requestPasswordReset(ctx: CommandContext, input: { email: string; publicUrl: string }): Promise<void> {
  const account = await ctx.repos.accounts.findByEmail(input.email);
  if (!account || account.disabledAt) return;
  const link = await issueLoginLink(ctx, account, 'reset', input.publicUrl);
  await ctx.recordMail({
    kind: 'password_reset',
    campaignId: null,
    to: account.email,
    subject: 'Reset your Unionhall password',
    text: `Someone (hopefully you) asked to reset the password of your Unionhall account.\n\nOpen this link within ${LOGIN_LINK_MINUTES.reset} minutes to choose a new password:\n${link}\n\nIf it was not you, ignore this message; your password stays as it is.`,
  });
  await auditAccountEvent(ctx, account, 'auth.password_reset_requested');
}
