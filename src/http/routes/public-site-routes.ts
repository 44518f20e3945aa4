import { createElement } from 'react';
import { dayOf } from '../../domain/calendar.js';
import type { Services } from '../../domain/create-services.js';
import { groupEndorsements } from '../../domain/public-site/endorsement-groups.js';
import { type PublicSite } from '../public-site.js';
import { HomePage } from '../views/home-page.js';
import { renderPage } from '../views/layout.js';
import { toEndorsementCard, toEventSummary, toNewsletterSummary } from '../views/to-view-models.js';
import type { ZodApp } from '../zod-app.js';

export function registerPublicSiteRoutes(app: ZodApp, services: Services, site: PublicSite): void {
  const { publicCounters, newsletters, endorsements, events } = services.repositories;

  // Home: statement, campaign-wide counters, calls to action, latest newsletter, endorsements,
  // upcoming events. Cached a few seconds per campaign and language (see PublicPageCache).
  site.register(app, { path: '', cache: true }, async ({ campaign, site: model }) => {
    const now = services.now();
    const [counters, petitionSlug, latest, allEndorsements, upcoming] = await Promise.all([
      publicCounters.getPublicCounters(campaign, dayOf(now, campaign.timeZone)),
      publicCounters.getMainPetitionSlug(campaign.id),
      newsletters.listPublished(campaign.id, now, 1),
      endorsements.listPublic(campaign.id),
      events.listUpcomingPublic(campaign.id, now, 3),
    ]);
    const groups = groupEndorsements(allEndorsements);
    // Highlights: one quote from each of the first groups (members of Congress first).
    const highlights = groups.flatMap((g) => g.items.filter((e) => e.quote !== '').slice(0, 1)).slice(0, 3);
    return {
      body: renderPage(
        createElement(HomePage, {
          site: model,
          statement: campaign.statement,
          counters,
          cardUrl: `${model.base}/card`,
          petitionUrl: petitionSlug ? `${model.base}/petition/${petitionSlug}` : null,
          latestNewsletter: latest[0] ? toNewsletterSummary(latest[0], model.base, campaign.timeZone) : null,
          endorsementCounts: groups.map((g) => ({ group: g.group, count: g.items.length })),
          endorsementHighlights: highlights.map((e) => toEndorsementCard(e, model.base)),
          events: upcoming.map((e) => toEventSummary(e, model.base)),
        }),
      ),
    };
  });
}
