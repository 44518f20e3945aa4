import type { CommandContext } from '../commands/command-context.js';

export type MailSettings = { senderName: string | null; replyTo: string | null; brandColor: string };

/**
 * The campaign's mail settings (admins): the sender's display name, the Reply-To that receives
 * answers to card receipts and newsletters (a real organizer mailbox), and the newsletter's color.
 */
export async function updateMailSettings(ctx: CommandContext, input: { slug: string; settings: MailSettings }): Promise<MailSettings> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  await ctx.repos.campaigns.setMailSettings(campaign.id, input.settings);
  await ctx.audit('campaign.mail_settings_changed', { subject: { type: 'campaign', id: campaign.id }, details: { ...input.settings } });
  return input.settings;
}
