import fastifyMultipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { conductContract } from '../../contracts/conduct.js';
import { addAgent } from '../../domain/conduct/add-agent.js';
import { addProvision } from '../../domain/conduct/add-provision.js';
import { checkUploadAllowed } from '../../domain/conduct/check-upload-allowed.js';
import { changeIncidentStatus } from '../../domain/conduct/change-incident-status.js';
import { exportChronology } from '../../domain/conduct/export-chronology.js';
import { exportExhibits } from '../../domain/conduct/export-exhibits.js';
import { listAgents } from '../../domain/conduct/list-agents.js';
import { listAttachments } from '../../domain/conduct/list-attachments.js';
import { listIncidents } from '../../domain/conduct/list-incidents.js';
import { listProvisions } from '../../domain/conduct/list-provisions.js';
import { loadConductOptions } from '../../domain/conduct/load-conduct-options.js';
import { logIncident } from '../../domain/conduct/log-incident.js';
import { readExhibitContent } from '../../domain/conduct/read-exhibit-content.js';
import { updateIncident } from '../../domain/conduct/update-incident.js';
import { MAX_ATTACHMENT_BYTES, uploadAttachment } from '../../domain/conduct/upload-attachment.js';
import { viewAttachment } from '../../domain/conduct/view-attachment.js';
import { viewIncident } from '../../domain/conduct/view-incident.js';
import type { Services } from '../../domain/create-services.js';
import { renderChronologyCsv } from '../../documents/conduct/chronology-csv.js';
import { renderChronologyPdf } from '../../documents/conduct/chronology-pdf.js';
import { streamExhibitsZip } from '../../documents/conduct/exhibits-zip.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { AppError } from '../../errors.js';
import { operation, requesterOf } from '../operation.js';
import { presentAgent, presentAttachment, presentConductOptions, presentIncident, presentIncidentWithHistory, presentProvision } from '../presenters/conduct-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['conduct'];
const c = conductContract;

/** Media types a browser may show inline without running anything; everything else downloads. */
const SAFE_INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain']);

type Upload = { filename: string; mediaType: string; description: string; content: Buffer };

/** Reads the one file of a multipart request; what the multipart parser refuses is the client's 4xx. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('validation_failed', 'Send the file as multipart/form-data.', [{ field: 'file', reason: 'is required (multipart/form-data)' }]);
  try {
    const part = await request.file();
    if (!part) throw new AppError('validation_failed', 'No file was sent.', [{ field: 'file', reason: 'is required' }]);
    const content = await part.toBuffer();
    // Fields sent before the file part arrive with it.
    const field = part.fields.description;
    const description = field && !Array.isArray(field) && field.type === 'field' && typeof field.value === 'string' ? field.value : '';
    return { filename: part.filename, mediaType: part.mimetype, description, content };
  } catch (err) {
    if (err instanceof AppError) throw err;
    const e = err as { code?: string; statusCode?: number };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', `Files are limited to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`);
    if (e.statusCode === 413) throw new AppError('payload_too_large', 'Send one file and at most a description with it.');
    // Nothing but the client's body is read here: a malformed one (no boundary, truncated, …) is
    // the client's mistake, not ours.
    throw new AppError('validation_failed', 'The upload is not a valid multipart/form-data body.', [{ field: 'file', reason: 'could not be read' }]);
  }
}

// The employer-conduct log. Organizers and admins only (conduct.view / conduct.edit); every view of
// the timeline, an incident or a file, and every export, is audited in the transaction that reads it.
export function registerConductRoutes(root: ZodApp, services: Services): void {
  void root.register(async (scope) => {
    // Multipart only here: no other route accepts file uploads.
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 5, fieldSize: 10_000, parts: 6 } });
    const app = scope.withTypeProvider<ZodTypeProvider>();
    const base = '/api/campaigns/:slug/conduct';

    app.get(`${base}/options`, { schema: operation('loadConductOptions', c.loadConductOptions, { tags }) }, async (request) => {
      return presentConductOptions(await services.read(loadConductOptions, requesterOf(request), request.params));
    });

    app.get(`${base}/agents`, { schema: operation('listAgents', c.listAgents, { tags }) }, async (request) => {
      return { agents: (await services.read(listAgents, requesterOf(request), request.params)).map(presentAgent) };
    });

    const addAgentSchema = operation('addAgent', c.addAgent, { tags, status: 201 });
    app.post(`${base}/agents`, { schema: { ...addAgentSchema, response: { ...addAgentSchema.response, 200: c.addAgent.response } } }, async (request, reply) => {
      const { agent, created } = await services.execute(addAgent, requesterOf(request), { slug: request.params.slug, ...request.body });
      return reply.status(created ? 201 : 200).send({ agent: presentAgent(agent), created });
    });

    app.get(`${base}/provisions`, { schema: operation('listProvisions', c.listProvisions, { tags }) }, async (request) => {
      const { jurisdiction, provisions } = await services.read(listProvisions, requesterOf(request), request.params);
      return { jurisdiction, provisions: provisions.map(presentProvision) };
    });

    // Admins extend the legal mapping for their campaign (its jurisdiction).
    app.post(`${base}/provisions`, { schema: operation('addProvision', c.addProvision, { tags, status: 201 }) }, async (request, reply) => {
      const provision = await services.execute(addProvision, requesterOf(request), { slug: request.params.slug, ...request.body });
      return reply.status(201).send({ provision: presentProvision(provision) });
    });

    app.get(`${base}/attachments`, { schema: operation('listAttachments', c.listAttachments, { tags }) }, async (request) => {
      const rows = await services.execute(listAttachments, requesterOf(request), request.params);
      return { attachments: rows.map((a) => presentAttachment(request.params.slug, a)) };
    });

    app.post(`${base}/attachments`, { schema: { ...operation('uploadAttachment', c.uploadAttachment, { tags, status: 201 }), consumes: ['multipart/form-data'] } }, async (request, reply) => {
      const requester = requesterOf(request);
      await services.read(checkUploadAllowed, requester, request.params);
      const upload = await readUpload(request);
      const attachment = await services.execute(uploadAttachment, requester, { slug: request.params.slug, ...upload });
      return reply.status(201).send({ attachment: presentAttachment(request.params.slug, attachment) });
    });

    app.get(`${base}/attachments/:id`, { schema: operation('viewAttachment', c.viewAttachment, { tags, produces: 'the uploaded media type, or application/octet-stream' }) }, async (request, reply) => {
      const { meta, content } = await services.execute(viewAttachment, requesterOf(request), { slug: request.params.slug, attachmentId: request.params.id });
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

    app.get(`${base}/incidents`, { schema: operation('listIncidents', c.listIncidents, { tags }) }, async (request) => {
      const { today, truncated, incidents } = await services.execute(listIncidents, requesterOf(request), { slug: request.params.slug, ...request.query });
      return { today, truncated, incidents: incidents.map((i) => presentIncident(request.params.slug, i)) };
    });

    app.post(`${base}/incidents`, { schema: operation('logIncident', c.logIncident, { tags, status: 201 }) }, async (request, reply) => {
      const incident = await services.execute(logIncident, requesterOf(request), { slug: request.params.slug, ...request.body });
      return reply.status(201).send({ incident: presentIncident(request.params.slug, incident) });
    });

    app.get(`${base}/incidents/:id`, { schema: operation('viewIncident', c.viewIncident, { tags }) }, async (request) => {
      const view = await services.execute(viewIncident, requesterOf(request), { slug: request.params.slug, incidentId: request.params.id });
      return presentIncidentWithHistory(request.params.slug, view);
    });

    app.put(`${base}/incidents/:id`, { schema: operation('updateIncident', c.updateIncident, { tags }) }, async (request) => {
      const incident = await services.execute(updateIncident, requesterOf(request), { slug: request.params.slug, incidentId: request.params.id, ...request.body });
      return { incident: presentIncident(request.params.slug, incident) };
    });

    app.post(`${base}/incidents/:id/status`, { schema: operation('changeIncidentStatus', c.changeIncidentStatus, { tags }) }, async (request) => {
      const view = await services.execute(changeIncidentStatus, requesterOf(request), { slug: request.params.slug, incidentId: request.params.id, ...request.body });
      return presentIncidentWithHistory(request.params.slug, view);
    });

    // Exports for counsel: admins only (they name witnesses), audited before a byte leaves.
    app.get(`${base}/export/chronology.pdf`, { schema: operation('exportChronologyPdf', c.exportChronology, { tags, produces: 'application/pdf' }) }, async (request, reply) => {
      const { chronology, campaign, filters } = await services.execute(exportChronology, requesterOf(request), { slug: request.params.slug, ...request.query, format: 'pdf' });
      const pdf = await renderChronologyPdf(chronology, { campaignName: campaign.name, filters });
      return reply
        .type('application/pdf')
        .header('content-disposition', formatContentDisposition(`${campaign.slug}-conduct-chronology-${chronology.asOf}.pdf`))
        .header('cache-control', 'private, no-store')
        .send(pdf);
    });

    app.get(`${base}/export/chronology.csv`, { schema: operation('exportChronologyCsv', c.exportChronology, { tags, produces: 'text/csv' }) }, async (request, reply) => {
      const { chronology, campaign } = await services.execute(exportChronology, requesterOf(request), { slug: request.params.slug, ...request.query, format: 'csv' });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', formatContentDisposition(`${campaign.slug}-conduct-chronology-${chronology.asOf}.csv`))
        .header('cache-control', 'private, no-store')
        .send(renderChronologyCsv(chronology));
    });

    app.get(`${base}/export/exhibits.zip`, { schema: operation('exportExhibits', c.exportExhibits, { tags, produces: 'application/zip' }) }, async (request, reply) => {
      const requester = requesterOf(request);
      const { chronology, title, slug } = await services.execute(exportExhibits, requester, { slug: request.params.slug, ...request.query });
      const stream = streamExhibitsZip(chronology, title, (attachmentId) => services.read(readExhibitContent, requester, { slug, attachmentId }));
      return reply
        .type('application/zip')
        .header('content-disposition', formatContentDisposition(`${slug}-conduct-exhibits-${chronology.asOf}.zip`))
        .header('cache-control', 'private, no-store')
        .send(stream);
    });
  });
}
