import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { EndorsementWithDocument } from '../../db/repositories/endorsements-repository.js';
import type { EventRow } from '../../db/repositories/events-repository.js';
import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import type { PublicCounters } from '../../db/repositories/public-counters-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { groupEndorsements, type EndorsementGroup } from './endorsement-groups.js';

export type HomePageContent = {
  counters: PublicCounters;
  /** The campaign's main petition (its oldest published one), if any. */
  petitionSlug: string | null;
  latestNewsletter: NewsletterRow | null;
  endorsementGroups: { group: EndorsementGroup; items: EndorsementWithDocument[] }[];
  upcomingEvents: EventRow[];
};

/** What the home page shows: campaign-wide counters only, the latest news, endorsements, events. */
export async function loadHomePage(ctx: CommandContext, input: { campaign: CampaignRow }): Promise<HomePageContent> {
  const { campaign } = input;
  const { publicCounters, newsletters, endorsements, events } = ctx.repos;
  const [counters, petitionSlug, latest, allEndorsements, upcomingEvents] = await Promise.all([
    publicCounters.getPublicCounters(campaign),
    publicCounters.getMainPetitionSlug(campaign.id),
    newsletters.listPublished(campaign.id, ctx.now, 1),
    endorsements.listPublic(campaign.id),
    events.listUpcomingPublic(campaign.id, ctx.now, 3),
  ]);
  return { counters, petitionSlug, latestNewsletter: latest[0] ?? null, endorsementGroups: groupEndorsements(allEndorsements), upcomingEvents };
}
