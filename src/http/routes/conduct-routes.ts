import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { IncidentFilter } from '../../db/repositories/conduct-repository.js';
import { MAX_ATTACHMENT_BYTES, type CampaignRef, type IncidentInput } from '../../domain/conduct/conduct-service.js';
import { agentRoleLabels, agentRoles, conductKinds, incidentStatuses, kindLabels, statusLabels } from '../../domain/conduct/conduct-vocabulary.js';
import type { Services } from '../../domain/create-services.js';
import { renderChronologyCsv } from '../../documents/conduct/chronology-csv.js';
import { renderChronologyPdf } from '../../documents/conduct/chronology-pdf.js';
import { streamExhibitsZip } from '../../documents/conduct/exhibits-zip.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { AppError } from '../../errors.js';
import { auditRequest } from '../audit-request.js';
import { requireCampaignAccess, type CampaignAccess } from '../campaign-access.js';
import type { ZodApp } from '../zod-app.js';
import { presentAgent, presentAttachment, presentIncident, presentProvision, presentStatusChange } from '../presenters/conduct-presenter.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const idParams = slugParams.extend({ id: z.uuid('is not an id') });

// A real calendar date (2015-02-30 is refused), as YYYY-MM-DD.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date as YYYY-MM-DD', abort: true })
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'is not a calendar date');

const ids = (max: number) => z.array(z.uuid('is not an id')).max(max).default([]);
const page = z.number().int().min(1).max(100_000).nullable().default(null);

const quoteBody = z.object({
  text: z.string().trim().min(1, 'is required').max(5000),
  speakerAgentId: z.uuid('is not an id').nullable().default(null),
  source: z.string().trim().max(500).default(''),
  attachmentId: z.uuid('is not an id').nullable().default(null),
  pageFrom: page,
  pageTo: page,
});

const incidentBody = z.object({
  occurredOn: isoDate,
  occurredTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM')
    .nullable()
    .default(null),
  kind: z.enum(conductKinds, { error: 'is not a kind of conduct this app knows' }),
  title: z.string().trim().min(1, 'is required').max(300),
  description: z.string().trim().max(20_000).default(''),
  worksiteIds: ids(200),
  agentIds: ids(100),
  witnessIds: ids(200),
  provisionIds: z.array(z.uuid('is not an id')).max(50).optional(),
  attachmentIds: ids(100),
  quotes: z.array(quoteBody).max(100).default([]),
  reportedBy: z
    .object({ type: z.enum(['account', 'person']), id: z.uuid('is not an id') })
    .nullable()
    .default(null),
});

const timelineQuery = z.object({
  worksite: z.uuid('is not an id').optional(),
  kind: z.enum(conductKinds, { error: 'is not a kind of conduct this app knows' }).optional(),
  actor: z.uuid('is not an id').optional(),
  provision: z.uuid('is not an id').optional(),
  status: z.enum(incidentStatuses, { error: 'is not a status this app knows' }).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

const ref = (access: CampaignAccess): CampaignRef => ({ id: access.campaign.id, jurisdiction: access.campaign.jurisdiction });

const toFilter = (q: z.infer<typeof timelineQuery>): IncidentFilter => ({ worksiteId: q.worksite, kind: q.kind, agentId: q.actor, provisionId: q.provision, status: q.status, from: q.from, to: q.to });

const filterDetails = (q: z.infer<typeof timelineQuery>): Record<string, string> => Object.fromEntries(Object.entries(q).filter((e): e is [string, string] => typeof e[1] === 'string'));

/** Media types a browser may show inline without running anything; everything else downloads. */
const SAFE_INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);

async function readUpload(request: FastifyRequest): Promise<{ filename: string; mediaType: string; description: string; content: Buffer }> {
  if (!request.isMultipart()) throw new AppError('validation_failed', 'Send the file as multipart/form-data.', [{ field: 'file', reason: 'is required (multipart/form-data)' }]);
  const part = await request.file();
  if (!part) throw new AppError('validation_failed', 'No file was sent.', [{ field: 'file', reason: 'is required' }]);
  let content: Buffer;
  try {
    content = await part.toBuffer();
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', `Files are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
    throw err;
  }
  // Fields sent before the file part arrive with it.
  const field = part.fields.description;
  const description = field && !Array.isArray(field) && field.type === 'field' && typeof field.value === 'string' ? field.value.trim().slice(0, 2000) : '';
  return { filename: part.filename, mediaType: part.mimetype, description, content };
}

// The employer-conduct log. Organizers and admins only (conduct.view / conduct.edit); every view of
// the timeline, an incident or a file, and every export, is written to the audit log first.
export function registerConductRoutes(root: ZodApp, services: Services): void {
  void root.register(async (scope) => {
    // Multipart only here: no other route accepts file uploads.
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, fieldSize: 10_000, parts: 6 } });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const conduct = services.conduct;
    const base = '/api/campaigns/:slug/conduct';

    app.get(`${base}/options`, { schema: { tags: ['conduct'], params: slugParams } }, async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.view');
      const [agents, provisions, worksites] = await Promise.all([conduct.listAgents(ref(access)), conduct.listProvisions(ref(access)), services.repositories.campaigns.listWorksites(access.campaign.id)]);
      return {
        today: conduct.today(),
        jurisdiction: access.campaign.jurisdiction,
        kinds: conductKinds.map((value) => ({ value, label: kindLabels[value] })),
        statuses: incidentStatuses.map((value) => ({ value, label: statusLabels[value] })),
        agentRoles: agentRoles.map((value) => ({ value, label: agentRoleLabels[value] })),
        agents: agents.map(presentAgent),
        provisions: provisions.map(presentProvision),
        worksites: worksites.map((w) => ({ id: w.id, name: w.name })),
      };
    });

    app.get(`${base}/agents`, { schema: { tags: ['conduct'], params: slugParams } }, async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.view');
      return { agents: (await conduct.listAgents(ref(access))).map(presentAgent) };
    });

    app.post(
      `${base}/agents`,
      {
        schema: {
          tags: ['conduct'],
          params: slugParams,
          body: z.object({
            name: z.string().trim().min(1, 'is required').max(200),
            role: z.enum(agentRoles, { error: 'is not a role this app knows' }),
            title: z.string().trim().max(200).default(''),
            worksiteId: z.uuid('is not an id').nullable().default(null),
          }),
        },
      },
      async (request, reply) => {
        const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.edit');
        const agent = await conduct.addAgent(ref(access), request.body);
        await auditRequest(services, request, access, 'conduct.agent_created', { type: 'employer_agent', id: agent.id }, { name: agent.name, role: agent.role });
        return reply.status(201).send({ agent: presentAgent(agent) });
      },
    );

    app.get(`${base}/provisions`, { schema: { tags: ['conduct'], params: slugParams } }, async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.view');
      return { jurisdiction: access.campaign.jurisdiction, provisions: (await conduct.listProvisions(ref(access))).map(presentProvision) };
    });

    // Admins extend the legal mapping for their campaign (its jurisdiction).
    app.post(
      `${base}/provisions`,
      {
        schema: {
          tags: ['conduct'],
          params: slugParams,
          body: z.object({
            code: z.string().trim().min(1, 'is required').max(80),
            title: z.string().trim().min(1, 'is required').max(200),
            description: z.string().trim().max(5000).default(''),
            deadlineMonths: z.number().int().min(1).max(120).default(6),
            defaultKinds: z.array(z.enum(conductKinds)).max(conductKinds.length).default([]),
          }),
        },
      },
      async (request, reply) => {
        const access = await requireCampaignAccess(services, request, request.params.slug, 'campaign.manage');
        const provision = await conduct.addProvision(ref(access), request.body);
        await auditRequest(services, request, access, 'conduct.provision_created', { type: 'legal_provision', id: provision.id }, { code: provision.code });
        return reply.status(201).send({ provision: presentProvision(provision) });
      },
    );

    app.get(`${base}/attachments`, { schema: { tags: ['conduct'], params: slugParams } }, async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.view');
      const rows = await conduct.listAttachments(ref(access));
      await auditRequest(services, request, access, 'conduct.attachments_listed', undefined, { count: rows.length });
      return { attachments: rows.map((a) => presentAttachment(access.campaign.slug, a)) };
    });

    app.post(`${base}/attachments`, { schema: { tags: ['conduct'], params: slugParams, consumes: ['multipart/form-data'] } }, async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.edit');
      const upload = await readUpload(request);
      const attachment = await conduct.addAttachment(ref(access), { ...upload, accountId: access.accountId });
      await auditRequest(services, request, access, 'conduct.attachment_uploaded', { type: 'attachment', id: attachment.id }, { sha256: attachment.sha256, sizeBytes: attachment.sizeBytes, mediaType: attachment.mediaType });
      return reply.status(201).send({ attachment: presentAttachment(access.campaign.slug, attachment) });
    });

    app.get(`${base}/attachments/:id`, { schema: { tags: ['conduct'], params: idParams, querystring: z.object({ download: z.enum(['0', '1']).optional() }) } }, async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.view');
      const { meta, content } = await conduct.readAttachment(ref(access), request.params.id);
      await auditRequest(services, request, access, 'conduct.attachment_viewed', { type: 'attachment', id: meta.id }, { filename: meta.filename });
      // Uploaded files are served from our origin: anything that could run (HTML, SVG) downloads
      // as an opaque file instead of being shown.
      const inline = SAFE_INLINE.has(meta.mediaType) && request.query.download !== '1';
      return reply
        .type(inline ? meta.mediaType : 'application/octet-stream')
        .header('content-disposition', formatContentDisposition(meta.filename, inline ? 'inline' : 'attachment'))
        .header('x-content-sha256', meta.sha256)
        .header('cache-control', 'private, no-store')
        .send(content);
    });

    app.get(`${base}/incidents`, { schema: { tags: ['conduct'], params: slugParams, querystring: timelineQuery } }, async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.view');
      const limit = 2000;
      const incidents = await conduct.listTimeline(ref(access), toFilter(request.query), limit + 1);
      await auditRequest(services, request, access, 'conduct.timeline_viewed', undefined, { filters: filterDetails(request.query), count: Math.min(incidents.length, limit) });
      return { today: conduct.today(), truncated: incidents.length > limit, incidents: incidents.slice(0, limit).map((i) => presentIncident(access.campaign.slug, i)) };
    });

    app.post(`${base}/incidents`, { schema: { tags: ['conduct'], params: slugParams, body: incidentBody } }, async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.edit');
      const incident = await conduct.createIncident(ref(access), request.body satisfies IncidentInput, access.accountId);
      await auditRequest(services, request, access, 'conduct.incident_created', { type: 'incident', id: incident.id }, { kind: incident.kind, occurredOn: incident.occurredOn });
      return reply.status(201).send({ incident: presentIncident(access.campaign.slug, incident) });
    });

    app.get(`${base}/incidents/:id`, { schema: { tags: ['conduct'], params: idParams } }, async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.view');
      const { incident, history } = await conduct.getIncident(ref(access), request.params.id);
      await auditRequest(services, request, access, 'conduct.incident_viewed', { type: 'incident', id: incident.id });
      return { incident: presentIncident(access.campaign.slug, incident), history: history.map(presentStatusChange) };
    });

    app.put(`${base}/incidents/:id`, { schema: { tags: ['conduct'], params: idParams, body: incidentBody } }, async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.edit');
      const incident = await conduct.updateIncident(ref(access), request.params.id, request.body);
      await auditRequest(services, request, access, 'conduct.incident_updated', { type: 'incident', id: incident.id });
      return { incident: presentIncident(access.campaign.slug, incident) };
    });

    app.post(
      `${base}/incidents/:id/status`,
      {
        schema: {
          tags: ['conduct'],
          params: idParams,
          body: z.object({
            status: z.enum(incidentStatuses, { error: 'is not a status this app knows' }),
            chargeNumber: z.string().trim().min(1).max(80).nullable().default(null),
            note: z.string().trim().max(2000).default(''),
          }),
        },
      },
      async (request) => {
        const access = await requireCampaignAccess(services, request, request.params.slug, 'conduct.edit');
        const incident = await conduct.changeStatus(ref(access), request.params.id, request.body, access.accountId);
        await auditRequest(services, request, access, 'conduct.status_changed', { type: 'incident', id: incident.id }, { status: incident.status, chargeNumber: incident.chargeNumber });
        const { history } = await conduct.getIncident(ref(access), incident.id);
        return { incident: presentIncident(access.campaign.slug, incident), history: history.map(presentStatusChange) };
      },
    );

    // Exports for counsel: admins only (they name witnesses), logged before a byte leaves.
    const exportFilters = (q: z.infer<typeof timelineQuery>, worksites: { id: string; name: string }[]): string[] =>
      [
        q.from ? `from ${q.from}` : '',
        q.to ? `to ${q.to}` : '',
        q.kind ? `kind: ${kindLabels[q.kind]}` : '',
        q.status ? `status: ${statusLabels[q.status]}` : '',
        q.worksite ? `worksite: ${worksites.find((w) => w.id === q.worksite)?.name ?? q.worksite}` : '',
        q.actor ? 'one actor' : '',
        q.provision ? 'one provision' : '',
      ].filter(Boolean);

    const stamp = (d: Date): string => d.toISOString().slice(0, 10);

    app.get(`${base}/export/chronology.pdf`, { schema: { tags: ['conduct'], params: slugParams, querystring: timelineQuery } }, async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'export.individual');
      const chronology = await conduct.buildChronology(ref(access), toFilter(request.query));
      await auditRequest(services, request, access, 'export.conduct_chronology', undefined, { format: 'pdf', filters: filterDetails(request.query), incidents: chronology.incidents.length, exhibits: chronology.exhibits.length });
      const worksites = await services.repositories.campaigns.listWorksites(access.campaign.id);
      const pdf = await renderChronologyPdf(chronology, { campaignName: access.campaign.name, filters: exportFilters(request.query, worksites) });
      return reply
        .type('application/pdf')
        .header('content-disposition', formatContentDisposition(`${access.campaign.slug}-conduct-chronology-${stamp(chronology.generatedAt)}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    });

    app.get(`${base}/export/chronology.csv`, { schema: { tags: ['conduct'], params: slugParams, querystring: timelineQuery } }, async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'export.individual');
      const chronology = await conduct.buildChronology(ref(access), toFilter(request.query));
      await auditRequest(services, request, access, 'export.conduct_chronology', undefined, { format: 'csv', filters: filterDetails(request.query), incidents: chronology.incidents.length, exhibits: chronology.exhibits.length });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', formatContentDisposition(`${access.campaign.slug}-conduct-chronology-${stamp(chronology.generatedAt)}.csv`))
        .header('cache-control', 'private, no-store')
        .send(renderChronologyCsv(chronology));
    });

    app.get(`${base}/export/exhibits.zip`, { schema: { tags: ['conduct'], params: slugParams, querystring: timelineQuery } }, async (request, reply) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'export.individual');
      const chronology = await conduct.buildChronology(ref(access), toFilter(request.query));
      await auditRequest(services, request, access, 'export.conduct_exhibits', undefined, {
        format: 'zip',
        filters: filterDetails(request.query),
        exhibits: chronology.exhibits.map((e) => ({ number: e.number, attachmentId: e.attachment.id, sha256: e.attachment.sha256 })),
      });
      await conduct.verifyExhibits(ref(access), chronology);
      const stream = streamExhibitsZip(chronology, `${access.campaign.name} — exhibits to the chronology of employer conduct`, (id) => conduct.readAttachmentContent(ref(access), id));
      return reply
        .type('application/zip')
        .header('content-disposition', formatContentDisposition(`${access.campaign.slug}-conduct-exhibits-${stamp(chronology.generatedAt)}.zip`))
        .header('cache-control', 'private, no-store')
        .send(stream);
    });
  });
}
