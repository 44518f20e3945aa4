import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { auditRequest } from '../audit-request.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { toCaller } from '../caller.js';
import { presentAssessment, presentLevel } from '../presenters/organizing-presenter.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const personParams = slugParams.extend({ personId: z.uuid('is not an id') });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const levelInput = z.union([z.number().int().min(1).max(5), z.literal('unknown')], { error: 'must be 1–5 or "unknown"' });

// Support assessments: the most sensitive data here after cards. Every read of individual
// ratings is written to the audit log before it leaves; viewers get only the summary.
export function registerAssessmentRoutes(app: ZodApp, services: Services): void {
  const { organizing } = services;
  const today = (): string => services.now().toISOString().slice(0, 10);

  app.post(
    '/api/campaigns/:slug/people/:personId/assessments',
    {
      schema: {
        tags: ['assessments'],
        params: personParams,
        body: z.object({ level: levelInput, note: z.string().trim().max(2000).default(''), assessedAt: z.iso.datetime({ offset: true }).optional() }),
      },
    },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'assessments.edit');
      const row = await organizing.rate(toCaller(request, access), request.params.personId, {
        level: request.body.level === 'unknown' ? null : request.body.level,
        note: request.body.note,
        assessedAt: request.body.assessedAt ? new Date(request.body.assessedAt) : null,
      });
      return reply.status(201).send({ assessment: presentAssessment(row) });
    },
  );

  app.get('/api/campaigns/:slug/people/:personId/assessments', { schema: { tags: ['assessments'], params: personParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'assessments.view');
    const rows = await organizing.assessmentHistory(toCaller(request, access), request.params.personId);
    await auditRequest(services, request, access, 'assessments.list_viewed', { type: 'person', id: request.params.personId }, { view: 'history', count: rows.length });
    return { assessments: rows.map(presentAssessment) };
  });

  app.get(
    '/api/campaigns/:slug/assessments',
    {
      schema: {
        tags: ['assessments'],
        params: slugParams,
        querystring: z.object({ as_of: isoDate.optional(), worksite: z.uuid('is not an id').optional(), level: z.enum(['1', '2', '3', '4', '5', 'unknown']).optional() }),
      },
    },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'assessments.view');
      const asOf = request.query.as_of ?? today();
      const level = request.query.level === undefined ? undefined : request.query.level === 'unknown' ? 'unknown' : Number(request.query.level);
      const rows = await organizing.latestAssessments(toCaller(request, access), asOf, { worksiteId: request.query.worksite, level });
      await auditRequest(services, request, access, 'assessments.list_viewed', undefined, { view: 'list', asOf, worksite: request.query.worksite ?? null, level: request.query.level ?? null, count: rows.length });
      return {
        asOf,
        people: rows.map((r) => ({
          personId: r.person_id,
          name: `${r.given_name} ${r.family_name}`,
          worksiteId: r.worksite_id,
          worksiteName: r.worksite_name,
          jobTitle: r.job_title,
          ...presentLevel(r.level),
          note: r.note,
          assessedBy: r.assessed_by_name,
          assessedAt: r.assessed_at ? new Date(r.assessed_at).toISOString() : null,
        })),
      };
    },
  );

  // Aggregates only (no names): any member who may see the dashboard.
  app.get(
    '/api/campaigns/:slug/assessments/summary',
    { schema: { tags: ['assessments'], params: slugParams, querystring: z.object({ as_of: isoDate.optional() }) } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'dashboard.view');
      return organizing.assessmentSummary(toCaller(request, access), request.query.as_of ?? today());
    },
  );

  app.get(
    '/api/campaigns/:slug/wall-chart',
    { schema: { tags: ['assessments'], params: slugParams, querystring: z.object({ as_of: isoDate.optional() }) } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'assessments.view');
      const asOf = request.query.as_of ?? today();
      const chart = await organizing.wallChart(toCaller(request, access), asOf, access.campaign.cardValidityMonths);
      const count = chart.columns.reduce((n, c) => n + c.cells.length, 0);
      // The chart shows ratings and card status: both lists were seen, so both are logged.
      await auditRequest(services, request, access, 'assessments.list_viewed', undefined, { view: 'wall_chart', asOf, count });
      await auditRequest(services, request, access, 'cards.list_viewed', undefined, { view: 'wall_chart', asOf, count });
      return chart;
    },
  );
}
