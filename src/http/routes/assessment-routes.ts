import { organizingContract as c } from '../../contracts/organizing.js';
import type { Services } from '../../domain/create-services.js';
import { listAssessmentHistory } from '../../domain/organizing/list-assessment-history.js';
import { listAssessments } from '../../domain/organizing/list-assessments.js';
import { recordAssessment } from '../../domain/organizing/record-assessment.js';
import { summarizeAssessments } from '../../domain/organizing/summarize-assessments.js';
import { viewWallChart } from '../../domain/organizing/view-wall-chart.js';
import { operation, requesterOf } from '../operation.js';
import { presentAssessedPerson, presentAssessment } from '../presenters/organizing-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['assessments'];

// Support assessments: the most sensitive data here after cards. Every read of individual
// ratings is audited by its command before it leaves; viewers get only the summary.
export function registerAssessmentRoutes(app: ZodApp, services: Services): void {
  app.post('/api/campaigns/:slug/people/:personId/assessments', { schema: operation('recordAssessment', c.recordAssessment, { tags, status: 201 }) }, async (request, reply) => {
    const b = request.body;
    const row = await services.execute(recordAssessment, requesterOf(request), {
      ...request.params,
      level: b.level === 'unknown' ? null : b.level,
      note: b.note,
      assessedAt: b.assessedAt ? new Date(b.assessedAt) : null,
    });
    return reply.status(201).send({ assessment: presentAssessment(row) });
  });

  app.get('/api/campaigns/:slug/people/:personId/assessments', { schema: operation('listAssessmentHistory', c.listAssessmentHistory, { tags }) }, async (request) => {
    const rows = await services.execute(listAssessmentHistory, requesterOf(request), request.params);
    return { assessments: rows.map(presentAssessment) };
  });

  app.get('/api/campaigns/:slug/assessments', { schema: operation('listAssessments', c.listAssessments, { tags }) }, async (request) => {
    const q = request.query;
    const level = q.level === undefined || q.level === 'unknown' ? q.level : Number(q.level);
    const result = await services.execute(listAssessments, requesterOf(request), { slug: request.params.slug, asOf: q.asOf, worksiteId: q.worksite, level });
    return { asOf: result.asOf, people: result.people.map(presentAssessedPerson) };
  });

  // Aggregates only (no names): any member who may see the dashboard.
  app.get('/api/campaigns/:slug/assessments/summary', { schema: operation('summarizeAssessments', c.summarizeAssessments, { tags }) }, async (request) => {
    return services.read(summarizeAssessments, requesterOf(request), { slug: request.params.slug, asOf: request.query.asOf });
  });

  app.get('/api/campaigns/:slug/wall-chart', { schema: operation('viewWallChart', c.viewWallChart, { tags }) }, async (request) => {
    return services.execute(viewWallChart, requesterOf(request), { slug: request.params.slug, asOf: request.query.asOf });
  });
}
