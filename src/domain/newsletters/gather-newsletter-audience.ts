import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import type { Language } from '../../vocabulary/languages.js';
import type { AudienceExclusionReason, UpdateConsentSource } from '../../vocabulary/public-site.js';
import { isEmployerEmail } from '../cards/employer-email.js';
import type { CommandContext } from '../commands/command-context.js';

export type AudiencePerson = { address: string; lang: Language; audience: 'roster' | 'attendees'; personId: string | null; source: UpdateConsentSource | 'rsvp' };
export type AudienceExclusion = AudiencePerson & { reason: AudienceExclusionReason };
export type NewsletterAudienceList = {
  recipients: AudiencePerson[];
  excluded: AudienceExclusion[];
  /** People whose language has its own version of this newsletter: that version is theirs. */
  otherVersion: number;
};

/** The reason recorded with a suppression that an unsubscribe (not a bounce) made. */
export const unsubscribedReason = 'unsubscribed';

/**
 * Who, beyond community subscribers, a newsletter goes to (decision 0042): educators on the roster
 * who agreed to updates at a personal address, and people who RSVPed to the chosen event (or any).
 * Each gets the issue in their language when it exists, else the main-language issue: this one
 * takes the people of its own language and, when it is the main issue, those whose language has no
 * public version. Left out, with the reason: addresses at an employer's domain (the employer reads
 * that mail), addresses that bounced or unsubscribed, and an address already served (as a
 * subscriber, or earlier in this list). Small lists (a roster, RSVPs): held in memory.
 */
export async function gatherNewsletterAudience(ctx: CommandContext, campaign: CampaignRow, n: NewsletterRow): Promise<NewsletterAudienceList> {
  const candidates: AudiencePerson[] = [];
  if (n.audiences.includes('roster')) {
    for (const c of await ctx.repos.updateConsents.listActive(campaign.id)) candidates.push({ address: c.address, lang: c.lang, audience: 'roster', personId: c.personId, source: c.source });
  }
  if (n.audiences.includes('attendees')) {
    for (const r of await ctx.repos.events.listAttendeeContacts(campaign.id, n.audienceEventId)) candidates.push({ address: r.email.toLowerCase(), lang: r.lang, audience: 'attendees', personId: null, source: 'rsvp' });
  }
  const versionLangs = n.versionOf ? [] : (await ctx.repos.newsletters.listPublicVersions(campaign.id, n.id, ctx.now)).map((v) => v.lang);
  const isForThisIssue = (lang: Language) => lang === n.lang || (!n.versionOf && !versionLangs.includes(lang));
  const mine = candidates.filter((c) => isForThisIssue(c.lang));
  const addresses = [...new Set(mine.map((c) => c.address))];
  const employerDomains = (await ctx.repos.campaigns.listEmployers(campaign.id)).flatMap((e) => e.emailDomains);
  const suppressed = await ctx.repos.mail.findSuppressedAmong(campaign.id, addresses);
  const subscribed = n.audiences.includes('subscribers') ? await ctx.repos.subscribers.findActiveAmong(campaign.id, addresses, [n.lang]) : new Set<string>();
  const served = new Set<string>();
  const recipients: AudiencePerson[] = [];
  const excluded: AudienceExclusion[] = [];
  for (const c of mine) {
    const suppression = suppressed.get(c.address);
    const reason: AudienceExclusionReason | null = isEmployerEmail(c.address, employerDomains)
      ? 'employer_domain'
      : suppression !== undefined
        ? suppression === unsubscribedReason
          ? 'unsubscribed'
          : 'bounced'
        : subscribed.has(c.address) || served.has(c.address)
          ? 'duplicate'
          : null;
    if (reason) excluded.push({ ...c, reason });
    else {
      served.add(c.address);
      recipients.push(c);
    }
  }
  return { recipients, excluded, otherVersion: candidates.length - mine.length };
}
