import { AppError } from '../../errors.js';
import type { Language } from '../../vocabulary/languages.js';
import { audienceExclusionReasons, type AudienceExclusionReason } from '../../vocabulary/public-site.js';
import type { CommandContext } from '../commands/command-context.js';
import { mayListNewsletterRecipients } from '../policies/newsletter-recipients-policy.js';
import { gatherNewsletterAudience, type AudiencePerson } from './gather-newsletter-audience.js';

export type AudienceEntry = { name: string | null; address: string; lang: Language; audience: AudiencePerson['audience']; source: AudiencePerson['source']; reason: AudienceExclusionReason | null };

export type NewsletterAudienceView = {
  audiences: string[];
  subscribers: number;
  /** Roster and attendee recipients who would get this issue now. */
  recipients: { roster: number; attendees: number };
  /** Left out, by reason (counts are for everyone who may manage newsletters). */
  excluded: Record<AudienceExclusionReason, number>;
  otherVersion: number;
  /** One by one, only for who may see every card (null otherwise). */
  people: AudienceEntry[] | null;
};

/**
 * Who a newsletter would go to now, beyond subscribers, and who is left out with the reason. Audited
 * before it leaves: the list names educators and their personal addresses.
 */
export async function viewNewsletterAudience(ctx: CommandContext, input: { slug: string; newsletterId: string }): Promise<NewsletterAudienceView> {
  const { campaign, actor } = await ctx.authorize(input.slug, 'public.manage');
  const n = await ctx.repos.newsletters.find(campaign.id, input.newsletterId);
  if (!n) throw new AppError('not_found', 'No such newsletter.');
  const list = await gatherNewsletterAudience(ctx, campaign, n);
  const excluded = Object.fromEntries(audienceExclusionReasons.map((r) => [r, list.excluded.filter((e) => e.reason === r).length])) as Record<AudienceExclusionReason, number>;
  const subscribers = n.audiences.includes('subscribers') ? ((await ctx.repos.subscribers.countAudience(campaign.id)).find((a) => a.lang === n.lang)?.count ?? 0) : 0;
  let people: AudienceEntry[] | null = null;
  if (mayListNewsletterRecipients(actor)) {
    people = [];
    for (const p of [...list.recipients.map((r) => ({ ...r, reason: null })), ...list.excluded]) {
      const person = p.personId ? await ctx.repos.personRecords.find(campaign.id, p.personId) : undefined;
      people.push({ name: person ? `${person.givenName} ${person.familyName}` : null, address: p.address, lang: p.lang, audience: p.audience, source: p.source, reason: p.reason });
    }
  }
  await ctx.audit('newsletter.audience_viewed', { subject: { type: 'newsletter', id: n.id }, details: { listed: people !== null, recipients: list.recipients.length, excluded: list.excluded.length } });
  return {
    audiences: n.audiences,
    subscribers,
    recipients: { roster: list.recipients.filter((r) => r.audience === 'roster').length, attendees: list.recipients.filter((r) => r.audience === 'attendees').length },
    excluded,
    otherVersion: list.otherVersion,
    people,
  };
}
