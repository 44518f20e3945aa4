import { majorityContract, type MajorityPage } from '../../contracts/majority.js';
import type { Services } from '../../domain/create-services.js';
import { viewDashboard } from '../../domain/majority/view-dashboard.js';
import { viewGrowth } from '../../domain/majority/view-growth.js';
import { viewMajority } from '../../domain/majority/view-majority.js';
import { operation, requesterOf } from '../operation.js';
import { presentDashboard, presentGrowth, serializeMajorityPage } from '../presenters/majority-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['majority'];
const c = majorityContract;

// Aggregates only (counts and percentages per unit and school): every member of the campaign,
// viewers included, may read them. Nothing is written, so they run as queries.
export function registerMajorityRoutes(app: ZodApp, services: Services): void {
  // Sent as text the presenter has already checked against the contract (see serializeMajorityPage).
  app.get('/api/campaigns/:slug/majority', { schema: operation('viewMajority', c.viewMajority, { tags }) }, async (request, reply) => {
    const { asOf, unit, ...page } = request.query;
    const view = await services.read(viewMajority, requesterOf(request), { slug: request.params.slug, asOf, unitId: unit, ...page });
    const json = serializeMajorityPage(view, JSON.stringify([unit ?? null, page.sort, page.order, page.limit, page.offset]));
    // Fastify sends a string as it is: the page was checked against this same schema when serialized.
    return reply.type('application/json; charset=utf-8').send(json as unknown as MajorityPage);
  });

  app.get('/api/campaigns/:slug/growth', { schema: operation('viewGrowth', c.viewGrowth, { tags }) }, async (request) => {
    return presentGrowth(await services.read(viewGrowth, requesterOf(request), { slug: request.params.slug, ...request.query }));
  });

  app.get('/api/campaigns/:slug/dashboard', { schema: operation('viewDashboard', c.viewDashboard, { tags: ['campaigns'] }) }, async (request) => {
    return presentDashboard(await services.read(viewDashboard, requesterOf(request), { slug: request.params.slug, ...request.query }));
  });
}
