import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { auditRequest } from '../audit-request.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { toCaller } from '../caller.js';
import { presentAssessment, presentConversation, presentPerson, presentTask } from '../presenters/organizing-presenter.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const personParams = slugParams.extend({ personId: z.uuid('is not an id') });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => (v === '' ? null : v));
const email = z
  .string()
  .trim()
  .toLowerCase()
  .email('is not an email address')
  .max(254)
  .nullable()
  .optional()
  .or(z.literal('').transform(() => null));

const personFields = z.object({
  givenName: z.string().trim().min(1, 'is required').max(200),
  familyName: z.string().trim().min(1, 'is required').max(200),
  employeeId: optionalText(100),
  workEmail: email,
  personalEmail: email,
  phone: optionalText(50),
});

// One person's record: read it, add someone by hand, correct them, and record moves and departures.
export function registerPersonRoutes(app: ZodApp, services: Services): void {
  const { organizing } = services;

  app.get('/api/campaigns/:slug/people/:personId', { schema: { tags: ['people'], params: personParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'people.view');
    const detail = await organizing.personDetail(toCaller(request, access), request.params.personId);
    // The page shows support data (assessments): logged before it leaves.
    if (detail.assessments) await auditRequest(services, request, access, 'assessments.viewed', { type: 'person', id: detail.person.id });
    const latest = detail.assessments?.[0];
    return {
      person: presentPerson(detail.person),
      employment: detail.employment,
      onListOf: detail.listAccountId,
      latestAssessment: detail.assessments === null ? null : latest ? presentAssessment(latest) : { level: null, label: 'Unknown', note: '', assessedBy: null, assessedAt: null },
      assessments: detail.assessments?.map(presentAssessment) ?? null,
      conversations: detail.conversations?.map(presentConversation) ?? null,
      tasks: detail.tasks?.map(presentTask) ?? null,
    };
  });

  app.post(
    '/api/campaigns/:slug/people',
    {
      schema: {
        tags: ['people'],
        params: slugParams,
        body: personFields.extend({
          employment: z.object({ worksiteId: z.uuid('is not an id'), unitId: z.uuid('is not an id').nullable(), jobTitle: z.string().trim().min(1, 'is required').max(200), startDate: isoDate }),
        }),
      },
    },
    async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'people.edit');
      const { employment, ...fields } = request.body;
      const person = await organizing.createPerson(
        toCaller(request, access),
        { givenName: fields.givenName, familyName: fields.familyName, employeeId: fields.employeeId ?? null, workEmail: fields.workEmail ?? null, personalEmail: fields.personalEmail ?? null, phone: fields.phone ?? null },
        employment,
      );
      await auditRequest(services, request, access, 'person.created', { type: 'person', id: person.id });
      return reply.status(201).send({ person: presentPerson(person) });
    },
  );

  app.patch('/api/campaigns/:slug/people/:personId', { schema: { tags: ['people'], params: personParams, body: personFields.partial() } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'people.edit');
    const fields = Object.fromEntries(Object.entries(request.body).filter(([, v]) => v !== undefined));
    const person = await organizing.updatePerson(toCaller(request, access), request.params.personId, fields);
    await auditRequest(services, request, access, 'person.updated', { type: 'person', id: person.id }, { fields: Object.keys(fields) });
    return { person: presentPerson(person) };
  });

  // A move, a new title or unit, or leaving: the current employment ends the day before
  // `effectiveDate` and (unless leaving) a new one starts on it.
  app.post(
    '/api/campaigns/:slug/people/:personId/employment-changes',
    {
      schema: {
        tags: ['people'],
        params: personParams,
        body: z.discriminatedUnion('kind', [
          z.object({ kind: z.literal('leave'), effectiveDate: isoDate }),
          z.object({
            kind: z.literal('change'),
            effectiveDate: isoDate,
            worksiteId: z.uuid('is not an id'),
            unitId: z.uuid('is not an id').nullable(),
            jobTitle: z.string().trim().min(1, 'is required').max(200),
          }),
        ]),
      },
    },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'people.edit');
      const body = request.body;
      const next = body.kind === 'leave' ? null : { worksiteId: body.worksiteId, unitId: body.unitId, jobTitle: body.jobTitle };
      const employment = await organizing.changeEmployment(toCaller(request, access), request.params.personId, body.effectiveDate, next);
      await auditRequest(services, request, access, 'employment.changed', { type: 'person', id: request.params.personId }, { kind: body.kind, effectiveDate: body.effectiveDate });
      return { employment };
    },
  );
}
