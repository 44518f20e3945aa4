import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { getTranslator } from '../../i18n/translator.js';
import type { Language } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';
import { subscriptionToken } from '../public-site/subscription-tokens.js';

/**
 * Asks for the newsletter by email (double opt-in): a new, pending or unsubscribed address gets a
 * confirmation link, recorded with the request and delivered after the commit; an address already
 * subscribed gets nothing. The caller answers the same either way, so the form never tells
 * whether an address is on the list.
 */
export async function subscribeToNewsletter(ctx: CommandContext, input: { campaign: CampaignRow; email: string; lang: Language; siteUrl: string; secret: string }): Promise<void> {
  const { campaign } = input;
  const row = await ctx.repos.subscribers.request(campaign.id, input.email, input.lang);
  if (!row) return;
  const url = `${input.siteUrl}/news/subscribe/confirm?s=${row.id}&t=${subscriptionToken(input.secret, 'confirm', row.id)}`;
  const { t } = getTranslator(input.lang);
  await ctx.recordMail({
    kind: 'newsletter_subscribe',
    lang: input.lang,
    fromName: campaign.mailSenderName ?? campaign.name,
    replyTo: campaign.mailReplyTo,
    campaignId: campaign.id,
    to: row.email,
    subject: t('mail.subscribe.subject', { campaign: campaign.name }),
    text: t('mail.subscribe.body', { campaign: campaign.name, url }),
  });
}
