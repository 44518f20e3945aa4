import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { auditRequest } from '../audit-request.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { toCaller } from '../caller.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const listParams = slugParams.extend({ accountId: z.uuid('is not an id') });

// Committee lists ("who organizes whom") and worksite coverage.
export function registerCommitteeRoutes(app: ZodApp, services: Services): void {
  const { organizing } = services;

  app.get('/api/campaigns/:slug/committee-lists', { schema: { tags: ['committee'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'people.view');
    return { lists: await organizing.lists(toCaller(request, access)) };
  });

  // The committee members a list can be given to, with their worksites (for the assign form).
  app.get('/api/campaigns/:slug/committee-members', { schema: { tags: ['committee'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'committee.assign');
    const members = await services.repositories.campaigns.listMembers(access.campaign.id);
    return { members: members.filter((m) => m.role === 'committee').map((m) => ({ accountId: m.accountId, name: m.name, email: m.email, worksiteIds: m.worksiteIds })) };
  });

  app.post(
    '/api/campaigns/:slug/committee-lists/:accountId/people',
    { schema: { tags: ['committee'], params: listParams, body: z.object({ personIds: z.array(z.uuid('is not an id')).min(1).max(1000) }) } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'committee.assign');
      const added = await organizing.assignToList(toCaller(request, access), request.params.accountId, request.body.personIds);
      await auditRequest(services, request, access, 'committee.assigned', { type: 'account', id: request.params.accountId }, { people: added });
      return { assigned: added };
    },
  );

  app.delete('/api/campaigns/:slug/committee-lists/:accountId/people/:personId', { schema: { tags: ['committee'], params: listParams.extend({ personId: z.uuid('is not an id') }) } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'committee.assign');
    await organizing.unassign(toCaller(request, access), request.params.accountId, request.params.personId);
    await auditRequest(services, request, access, 'committee.unassigned', { type: 'account', id: request.params.accountId }, { personId: request.params.personId });
    return { removed: true };
  });

  // Per worksite: who is on no one's list, and who has not been talked to in 30 days.
  app.get(
    '/api/campaigns/:slug/coverage',
    { schema: { tags: ['committee'], params: slugParams, querystring: z.object({ worksite: z.uuid('is not an id').optional() }) } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'people.view');
      return { worksites: await organizing.coverage(toCaller(request, access), request.query.worksite) };
    },
  );
}
