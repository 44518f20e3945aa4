import { createElement } from 'react';
import type { Services } from '../../domain/create-services.js';
import { loadHomePage } from '../../domain/public-site/load-home-page.js';
import { type PublicSite } from '../public-site.js';
import { HomePage } from '../views/home-page.js';
import { renderPage } from '../views/layout.js';
import { toEndorsementCard, toEventSummary, toNewsletterSummary } from '../views/to-view-models.js';
import type { ZodApp } from '../zod-app.js';

export function registerPublicSiteRoutes(app: ZodApp, services: Services, site: PublicSite): void {
  // Home: statement, campaign-wide counters, calls to action, latest newsletter, endorsements,
  // upcoming events. Cached a few seconds per campaign and language (see PublicPageCache).
  site.register(app, { path: '', cache: true }, async ({ campaign, site: model, requester }) => {
    const home = await services.read(loadHomePage, requester, { campaign });
    const groups = home.endorsementGroups;
    // Highlights: one quote from each of the first groups (members of Congress first).
    const highlights = groups.flatMap((g) => g.items.filter((e) => e.quote !== '').slice(0, 1)).slice(0, 3);
    return {
      body: renderPage(
        createElement(HomePage, {
          site: model,
          // In the visitor's language when the campaign wrote it in theirs; English otherwise.
          statement: model.locale.lang === 'es' && campaign.statementEs !== '' ? campaign.statementEs : campaign.statement,
          counters: home.counters,
          cardUrl: `${model.base}/card`,
          petitionUrl: home.petitionSlug ? `${model.base}/petition/${home.petitionSlug}` : null,
          latestNewsletter: home.latestNewsletter ? toNewsletterSummary(home.latestNewsletter, model.base, campaign.timeZone) : null,
          endorsementCounts: groups.map((g) => ({ group: g.group, count: g.items.length })),
          endorsementHighlights: highlights.map((e) => toEndorsementCard(e, model.base)),
          events: home.upcomingEvents.map((e) => toEventSummary(e, model.base)),
        }),
      ),
    };
  });
}
