import type { OsdiSignupInput } from '../../contracts/osdi.js';
import { getTranslator } from '../../i18n/translator.js';
import type { Language } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';
import { campaignSiteUrl } from '../public-site/campaign-site-url.js';
import { osdiPersonParts } from './osdi-person-parts.js';
import { signupToken } from './signup-tokens.js';

const RESEND_AFTER_MS = 15 * 60_000;

/**
 * A person signup without a key (decision 0036): the default campaign's, kept pending until the
 * address confirms by the emailed link (double opt-in, as the petition and newsletter do). An
 * address already confirmed is left as it is and gets nothing: an unauthenticated post never
 * changes a known person. The caller answers `{}` either way, so the API never tells whether an
 * address is known.
 */
export async function requestSignup(ctx: CommandContext, input: { body: OsdiSignupInput; lang: Language; publicUrl: string; secret: string }): Promise<void> {
  const campaign = await ctx.repos.campaigns.findDefault();
  if (!campaign) return;
  const parts = osdiPersonParts(input.body);
  const existing = await ctx.repos.supporters.findMatch(campaign.id, parts.email, []);
  if (existing?.status === 'confirmed') return;
  // Tags wait with the person: they are applied when the address confirms.
  const sent = { ...parts, details: { ...parts.details, ...(parts.tags.length > 0 ? { pendingTags: parts.tags } : {}) } };
  const row = existing ? await ctx.repos.supporters.update(existing, sent, 'pending', ctx.now) : await ctx.repos.supporters.insert(campaign.id, sent, 'pending', ctx.now);
  // One email per address per quarter hour, however often it is posted: the helper is open to anyone.
  if (existing && ctx.now.getTime() - existing.updatedAt.getTime() < RESEND_AFTER_MS) return;
  const url = `${campaignSiteUrl(input.publicUrl, campaign)}/signup/confirm?s=${row.id}&t=${signupToken(input.secret, row.id)}`;
  const { t } = getTranslator(input.lang);
  await ctx.recordMail({
    kind: 'person_signup_confirmation',
    lang: input.lang,
    fromName: campaign.mailSenderName ?? campaign.name,
    replyTo: campaign.mailReplyTo,
    campaignId: campaign.id,
    to: row.email,
    subject: t('mail.signup.subject', { campaign: campaign.name }),
    text: t('mail.signup.body', { campaign: campaign.name, url }),
  });
  await ctx.audit('supporter.signup_requested', { campaignId: campaign.id, subject: { type: 'supporter', id: row.id } });
}
