import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { isDay } from '../../domain/calendar.js';
import { worksiteSorts } from '../../domain/majority/majority-service.js';
import { supportFigures } from '../../domain/majority/thresholds.js';
import { requireCampaignAccess } from '../campaign-access.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const isoDate = z.string().refine(isDay, 'must be a date as YYYY-MM-DD');

// Aggregates only (counts and percentages per unit and school): every member of the campaign,
// viewers included, may read them. No response schema on purpose: at 10,000 worksites the
// serializer's validation would cost more than the query.
export function registerMajorityRoutes(app: ZodApp, services: Services): void {
  app.get(
    '/api/campaigns/:slug/majority',
    {
      schema: {
        tags: ['majority'],
        params: slugParams,
        querystring: z.object({
          as_of: isoDate.optional(),
          unit: z.uuid().optional(),
          sort: z.enum(worksiteSorts).default('name'),
          order: z.enum(['asc', 'desc']).default('asc'),
          limit: z.coerce.number().int().min(1).max(10_000).default(1000),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'dashboard.view');
      const q = request.query;
      const json = await services.majority.majorityPageJson(access.campaign, { asOf: q.as_of, unitId: q.unit, sort: q.sort, order: q.order, limit: q.limit, offset: q.offset });
      return reply.type('application/json; charset=utf-8').send(json);
    },
  );

  app.get(
    '/api/campaigns/:slug/growth',
    { schema: { tags: ['majority'], params: slugParams, querystring: z.object({ from: isoDate.optional(), to: isoDate.optional() }) } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'dashboard.view');
      return services.majority.growth(access.campaign, { from: request.query.from, to: request.query.to });
    },
  );

  // The dashboard's numbers in one call: totals, a thermometer per unit, a row per school, and
  // campaign-wide activity counts.
  app.get(
    '/api/campaigns/:slug/dashboard',
    {
      schema: {
        tags: ['campaigns'],
        params: slugParams,
        querystring: z.object({
          as_of: isoDate.optional(),
          sort: z.enum(worksiteSorts).default('name'),
          order: z.enum(['asc', 'desc']).default('asc'),
          limit: z.coerce.number().int().min(1).max(10_000).default(1000),
          offset: z.coerce.number().int().min(0).default(0),
        }),
      },
    },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'dashboard.view');
      const q = request.query;
      const m = await services.majority.majority(access.campaign, q.as_of);
      const perSchool = new Map<string, { id: string; name: string; eligible: number; valid: number }>();
      for (const w of m.worksites) {
        const s = perSchool.get(w.id) ?? { id: w.id, name: w.name, eligible: 0, valid: 0 };
        s.eligible += w.eligible;
        s.valid += w.valid_cards;
        perSchool.set(w.id, s);
      }
      const schools = [...perSchool.values()].map((s) => {
        const f = supportFigures(s.eligible, s.valid, m.goal_percent);
        return { id: s.id, name: s.name, eligible: f.eligible, valid_cards: f.valid_cards, percent: f.percent, majority: f.thresholds.majority };
      });
      const dir = q.order === 'asc' ? 1 : -1;
      const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      const sorted = [...schools].sort((a, b) => (q.sort === 'name' ? byName(a, b) : a[q.sort] - b[q.sort] || byName(a, b)) * dir);
      const [activity, cardDates] = await Promise.all([services.majority.activity(access.campaign, m.as_of), services.repositories.support.cardDateRange(access.campaign.id)]);
      return {
        asOf: m.as_of,
        eligible: m.units.reduce((n, u) => n + u.eligible, 0),
        worksites: schools.filter((s) => s.eligible > 0).length,
        validCards: m.units.reduce((n, u) => n + u.valid_cards, 0),
        schoolsWithSupporters: schools.filter((s) => s.valid_cards > 0).length,
        goalPercent: m.goal_percent,
        units: m.units,
        schools: sorted.slice(q.offset, q.offset + q.limit),
        schoolsTotal: schools.length,
        activity,
        // When the first and last cards were signed: lets the app offer a date when today shows none.
        cardDates,
      };
    },
  );
}
