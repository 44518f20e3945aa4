import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { visibleWorksites } from '../../domain/policies/campaign-policy.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { AppError } from '../../errors.js';
import { auditRequest } from '../audit-request.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { presentCampaign } from '../presenters/campaign-presenter.js';
import { presentAuditEvent } from '../presenters/audit-presenter.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
// A real calendar day (no 2026-02-30, no year 0): PostgreSQL would refuse it with a 500, and
// JavaScript's Date would quietly roll it over into the next month.
const isoDate = z.iso.date('must be a date as YYYY-MM-DD').refine((d) => !d.startsWith('0000'), 'must be a date as YYYY-MM-DD');
const today = (): string => new Date().toISOString().slice(0, 10);

export function registerCampaignRoutes(app: ZodApp, services: Services): void {
  const { campaigns, people, audit } = services.repositories;

  app.get('/api/campaigns/:slug', { schema: { tags: ['campaigns'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'dashboard.view');
    const [worksites, units] = await Promise.all([campaigns.listWorksites(access.campaign.id), campaigns.listUnits(access.campaign.id)]);
    return {
      campaign: presentCampaign(access.campaign, access.actor.role),
      worksites: worksites.map((w) => ({ id: w.id, name: w.name, city: w.city })),
      units: units.map((u) => ({ id: u.id, name: u.name, description: u.description })),
      myWorksiteIds: access.actor.worksiteIds,
    };
  });

  // GET /api/campaigns/:slug/dashboard lives in majority-routes.ts (support counters).

  // The roster names people; every view is written to the audit log.
  app.get(
    '/api/campaigns/:slug/people',
    { schema: { tags: ['people'], params: slugParams, querystring: z.object({ as_of: isoDate.optional() }) } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'people.view');
      const asOf = request.query.as_of ?? today();
      const rows = await people.listRoster(access.campaign.id, visibleWorksites(access.actor, 'people.view'), asOf);
      await auditRequest(services, request, access, 'people.list_viewed', undefined, { asOf, count: rows.length });
      return { asOf, people: rows };
    },
  );

  app.get(
    '/api/campaigns/:slug/people/export.csv',
    { schema: { tags: ['people'], params: slugParams, querystring: z.object({ as_of: isoDate.optional() }) } },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'export.individual');
      const asOf = request.query.as_of ?? today();
      const rows = await people.listRoster(access.campaign.id, 'all', asOf);
      // Logged before a byte leaves: an export that fails halfway was still attempted.
      await auditRequest(services, request, access, 'export.roster', undefined, { asOf, count: rows.length });
      const csv = stringify(rows, { header: true, columns: ['givenName', 'familyName', 'employeeId', 'workEmail', 'worksiteName', 'jobTitle', 'unitName'] });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', formatContentDisposition(`${access.campaign.slug}-roster-${asOf}.csv`))
        .send(csv);
    },
  );

  app.get('/api/campaigns/:slug/members', { schema: { tags: ['campaigns'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'campaign.manage');
    return { members: await campaigns.listMembers(access.campaign.id) };
  });

  app.put(
    '/api/campaigns/:slug/members/:accountId',
    {
      schema: {
        tags: ['campaigns'],
        params: slugParams.extend({ accountId: z.uuid('is not an id') }),
        body: z.object({ role: z.enum(['admin', 'organizer', 'committee', 'viewer']), worksiteIds: z.array(z.uuid()).max(1000).default([]) }),
      },
    },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'campaign.manage');
      const target = await services.repositories.accounts.findById(request.params.accountId);
      if (!target) throw new AppError('not_found', 'No such account.', [{ field: 'accountId', reason: 'not found' }]);
      const known = new Set((await campaigns.listWorksites(access.campaign.id)).map((w) => w.id));
      const unknown = request.body.worksiteIds.filter((id) => !known.has(id));
      if (unknown.length > 0) throw new AppError('validation_failed', 'Some worksites are not in this campaign.', [{ field: 'worksiteIds', reason: `unknown: ${unknown.join(', ')}` }]);
      if (request.body.role === 'committee' && request.body.worksiteIds.length === 0) {
        throw new AppError('validation_failed', 'A committee member needs at least one worksite.', [{ field: 'worksiteIds', reason: 'required for committee members' }]);
      }
      const worksiteIds = request.body.role === 'committee' ? request.body.worksiteIds : [];
      const previous = await campaigns.setMembership({ accountId: target.id, campaignId: access.campaign.id, role: request.body.role, worksiteIds });
      await auditRequest(services, request, access, 'member.role_changed', { type: 'account', id: target.id }, { email: target.email, from: previous, to: request.body.role, worksiteIds });
      return { accountId: target.id, role: request.body.role, worksiteIds };
    },
  );

  app.get(
    '/api/campaigns/:slug/audit',
    {
      schema: {
        tags: ['audit'],
        params: slugParams,
        querystring: z.object({
          action: z.string().max(80).optional(),
          from: z.iso.datetime({ offset: true }).or(isoDate).optional(),
          to: z.iso.datetime({ offset: true }).or(isoDate).optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'audit.view');
      const q = request.query;
      const rows = await audit.list({
        campaignId: access.campaign.id,
        action: q.action,
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to.length === 10 ? `${q.to}T23:59:59.999Z` : q.to) : undefined,
        beforeId: q.before,
        limit: q.limit,
      });
      return { events: rows.map(presentAuditEvent) };
    },
  );
}
