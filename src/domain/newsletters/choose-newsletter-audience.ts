import { AppError } from '../../errors.js';
import type { NewsletterAudience } from '../../vocabulary/public-site.js';
import type { CommandContext } from '../commands/command-context.js';
import { viewOfNewsletter, type NewsletterView } from './newsletter-view.js';

export type ChooseNewsletterAudienceInput = {
  slug: string;
  newsletterId: string;
  audiences: NewsletterAudience[];
  /** With 'attendees': the event whose RSVPs get it; null for every event's. */
  eventId: string | null;
  /** The main-language newsletter this one is the other-language version of, or null. */
  versionOf: string | null;
};

/**
 * Chooses who a newsletter is emailed to, before it is sent (audited: choosing the educators on
 * the roster points the campaign's mail at their personal inboxes).
 */
export async function chooseNewsletterAudience(ctx: CommandContext, input: ChooseNewsletterAudienceInput): Promise<NewsletterView> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const n = await ctx.repos.newsletters.find(campaign.id, input.newsletterId);
  if (!n) throw new AppError('not_found', 'No such newsletter.');
  if (n.sentAt) throw new AppError('conflict', 'This newsletter was already sent.');
  const audiences = [...new Set(input.audiences)];
  if (audiences.length === 0) throw new AppError('validation_failed', 'Choose at least one audience.', [{ field: 'body.audiences', reason: 'must name at least one audience' }]);
  const eventId = audiences.includes('attendees') ? input.eventId : null;
  if (eventId && !(await ctx.repos.events.find(campaign.id, eventId))) throw new AppError('validation_failed', 'No such event in this campaign.', [{ field: 'body.eventId', reason: 'is not an event of this campaign' }]);
  if (input.versionOf) {
    const main = await ctx.repos.newsletters.find(campaign.id, input.versionOf);
    const problem = !main ? 'is not a newsletter of this campaign' : main.id === n.id || main.versionOf ? 'must be a main-language newsletter, not a version' : main.lang === n.lang ? 'is in the same language' : null;
    if (problem) throw new AppError('validation_failed', 'A version names the main-language newsletter it translates.', [{ field: 'body.versionOf', reason: problem }]);
  }
  const row = await ctx.repos.newsletters.update(campaign.id, n.id, { audiences, audienceEventId: eventId, versionOf: input.versionOf }, ctx.now);
  if (!row) throw new AppError('not_found', 'No such newsletter.');
  await ctx.audit('newsletter.audience_chosen', { subject: { type: 'newsletter', id: n.id }, details: { audiences, eventId, versionOf: input.versionOf } });
  return viewOfNewsletter(row, ctx.now);
}
