import { campaignAuditContract } from '../../contracts/audit.js';
import { campaignsContract } from '../../contracts/campaigns.js';
import { removeMember } from '../../domain/accounts/remove-member.js';
import { setMembership } from '../../domain/accounts/set-membership.js';
import { exportRoster } from '../../domain/campaigns/export-roster.js';
import { listCampaignAuditEvents } from '../../domain/campaigns/list-campaign-audit-events.js';
import { listMembers } from '../../domain/campaigns/list-members.js';
import { listRoster } from '../../domain/campaigns/list-roster.js';
import { viewCampaign } from '../../domain/campaigns/view-campaign.js';
import type { Services } from '../../domain/create-services.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { rosterCsv } from '../../documents/roster/roster-csv.js';
import { operation, requesterOf } from '../operation.js';
import { presentAuditEvent } from '../presenters/audit-presenter.js';
import { presentCampaignDetail } from '../presenters/campaign-presenter.js';
import type { ZodApp } from '../zod-app.js';

const c = campaignsContract;

export function registerCampaignRoutes(app: ZodApp, services: Services): void {
  app.get('/api/campaigns/:slug', { schema: operation('viewCampaign', c.viewCampaign, { tags: ['campaigns'] }) }, async (request) => {
    return presentCampaignDetail(await services.read(viewCampaign, requesterOf(request), request.params));
  });

  // GET /api/campaigns/:slug/dashboard lives in majority-routes.ts (support counters).

  // The roster names people: the command writes the view to the audit log before it leaves.
  app.get('/api/campaigns/:slug/people', { schema: operation('listRoster', c.listRoster, { tags: ['people'] }) }, async (request) => {
    return services.execute(listRoster, requesterOf(request), { slug: request.params.slug, asOf: request.query.asOf });
  });

  app.get('/api/campaigns/:slug/people/export.csv', { schema: operation('exportRoster', c.exportRoster, { tags: ['people'], produces: 'text/csv' }) }, async (request, reply) => {
    const roster = await services.execute(exportRoster, requesterOf(request), { slug: request.params.slug, asOf: request.query.asOf });
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', formatContentDisposition(`${roster.campaignSlug}-roster-${roster.asOf}.csv`))
      .send(rosterCsv(roster.people));
  });

  app.get('/api/campaigns/:slug/members', { schema: operation('listMembers', c.listMembers, { tags: ['campaigns'] }) }, async (request) => {
    return { members: await services.read(listMembers, requesterOf(request), request.params) };
  });

  app.put('/api/campaigns/:slug/members/:accountId', { schema: operation('setMembership', c.setMembership, { tags: ['campaigns'] }) }, async (request) => {
    return services.execute(setMembership, requesterOf(request), { ...request.params, ...request.body });
  });

  app.delete('/api/campaigns/:slug/members/:accountId', { schema: operation('removeMember', c.removeMember, { tags: ['campaigns'] }) }, async (request) => {
    return services.execute(removeMember, requesterOf(request), request.params);
  });

  app.get('/api/campaigns/:slug/audit', { schema: operation('listCampaignAuditEvents', campaignAuditContract.listCampaignAuditEvents, { tags: ['audit'] }) }, async (request) => {
    const rows = await services.read(listCampaignAuditEvents, requesterOf(request), { slug: request.params.slug, ...request.query });
    return { events: rows.map(presentAuditEvent) };
  });
}
