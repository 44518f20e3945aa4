import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { isColumnTarget, parseMappingPairs, rosterFields, type ColumnMapping } from '../../domain/roster/roster-mapping.js';
import { AppError } from '../../errors.js';
import { auditRequest } from '../audit-request.js';
import { requireCampaignAccess } from '../campaign-access.js';
import { requireAccount } from '../plugins/authentication.js';
import { presentImport, presentImportResult } from '../presenters/roster-import-presenter.js';
import type { ZodApp } from '../zod-app.js';

const slugParams = z.object({ slug: z.string().min(1).max(80) });
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');
const mappingSchema = z.record(z.string().max(200), z.string().refine(isColumnTarget, `must be one of ${[...rosterFields, 'ignore'].join(', ')}`));
const MAX_CSV_BYTES = 1024 * 1024 * 1024;
const MAX_JSON_BYTES = 64 * 1024 * 1024;

// Options arrive as query parameters with a text/csv body (streamed: any size) or as one JSON
// document {csv, mapping, effectiveDate, …} (simpler for the browser, up to 64 MB).
const csvQuery = z.object({
  effective_date: isoDate.optional(),
  mode: z.enum(['update', 'full']).default('update'),
  confirm_leaving: z.enum(['true', 'false']).default('false'),
  file_name: z.string().max(200).optional(),
  map: z.union([z.string().max(300), z.array(z.string().max(300)).max(50)]).optional(),
  preview: z.coerce.number().int().min(0).max(1000).default(200),
});
const jsonBody = z.object({
  csv: z.string().min(1, 'is empty'),
  mapping: mappingSchema.default({}),
  effectiveDate: isoDate.optional(),
  mode: z.enum(['update', 'full']).default('update'),
  confirmLeaving: z.boolean().default(false),
  fileName: z.string().max(200).optional(),
  preview: z.number().int().min(0).max(1000).default(200),
});

type Upload = { source: Readable; mapping: Partial<ColumnMapping>; effectiveDate?: string; mode: 'update' | 'full'; confirmLeaving: boolean; fileName: string | null; preview: number };

function readUpload(request: FastifyRequest): Upload {
  if (request.body instanceof Readable) {
    const q = csvQuery.safeParse(request.query);
    if (!q.success) throw new AppError('validation_failed', 'Some parameters are not valid.', q.error.issues.map((i) => ({ field: ['querystring', ...i.path].join('.'), reason: i.message })));
    const pairs = q.data.map === undefined ? [] : Array.isArray(q.data.map) ? q.data.map : [q.data.map];
    return {
      source: request.body,
      mapping: parseMappingPairs(pairs),
      effectiveDate: q.data.effective_date,
      mode: q.data.mode,
      confirmLeaving: q.data.confirm_leaving === 'true',
      fileName: q.data.file_name ?? null,
      preview: q.data.preview,
    };
  }
  const b = jsonBody.safeParse(request.body);
  if (!b.success) throw new AppError('validation_failed', 'Some fields are not valid.', b.error.issues.map((i) => ({ field: ['body', ...i.path].join('.'), reason: i.message })));
  return {
    source: Readable.from([Buffer.from(b.data.csv, 'utf8')]),
    mapping: b.data.mapping as Partial<ColumnMapping>,
    effectiveDate: b.data.effectiveDate,
    mode: b.data.mode,
    confirmLeaving: b.data.confirmLeaving,
    fileName: b.data.fileName ?? null,
    preview: b.data.preview,
  };
}

export function registerRosterImportRoutes(app: ZodApp, services: Services): void {
  // CSV bodies are handed to the route as a stream; the import reads them batch by batch.
  app.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => done(null, payload));

  const run = async (request: FastifyRequest, slug: string, dryRun: boolean) => {
    const access = await requireCampaignAccess(services, request, slug, 'roster.import');
    const { account } = requireAccount(request);
    const upload = readUpload(request);
    const result = await services.rosterImport.run({
      campaignId: access.campaign.id,
      source: upload.source,
      fileName: upload.fileName,
      mapping: upload.mapping,
      effectiveDate: upload.effectiveDate ?? services.now().toISOString().slice(0, 10),
      mode: upload.mode,
      dryRun,
      confirmLeaving: upload.confirmLeaving,
      actor: { accountId: account.id, label: account.email },
      previewLimit: upload.preview,
      maxBytes: MAX_CSV_BYTES,
    });
    await auditRequest(services, request, access, dryRun ? 'roster.import_previewed' : 'roster.imported', result.importId ? { type: 'roster_import', id: result.importId } : undefined, {
      counts: result.counts,
      effectiveDate: result.effectiveDate,
      mode: result.mode,
      leavingEnded: result.leavingEnded,
    });
    return presentImportResult(result);
  };

  const uploadSchema = { tags: ['roster'], params: slugParams, description: 'Body: text/csv (options as query parameters) or JSON {csv, mapping, effectiveDate, mode, confirmLeaving}.' };

  app.post('/api/campaigns/:slug/roster/imports/dry-run', { schema: uploadSchema, bodyLimit: MAX_JSON_BYTES }, async (request) => run(request, request.params.slug, true));

  app.post('/api/campaigns/:slug/roster/imports', { schema: uploadSchema, bodyLimit: MAX_JSON_BYTES }, async (request, reply) => {
    const body = await run(request, request.params.slug, false);
    return reply.status(201).send(body);
  });

  app.get(
    '/api/campaigns/:slug/roster/imports',
    { schema: { tags: ['roster'], params: slugParams, querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }) } },
    async (request) => {
      const access = await requireCampaignAccess(services, request, request.params.slug, 'roster.import');
      return { imports: (await services.repositories.rosterImports.list(access.campaign.id, request.query.limit)).map(presentImport) };
    },
  );

  const importParams = slugParams.extend({ importId: z.uuid('is not an id') });

  app.get('/api/campaigns/:slug/roster/imports/:importId', { schema: { tags: ['roster'], params: importParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'roster.import');
    const row = await services.repositories.rosterImports.find(access.campaign.id, request.params.importId);
    if (!row) throw new AppError('not_found', 'No such import.');
    return { import: presentImport(row) };
  });

  app.post('/api/campaigns/:slug/roster/imports/:importId/undo', { schema: { tags: ['roster'], params: importParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'roster.import');
    await services.rosterImport.undo(access.campaign.id, request.params.importId, access.accountEmail);
    await auditRequest(services, request, access, 'roster.import_undone', { type: 'roster_import', id: request.params.importId });
    const row = await services.repositories.rosterImports.find(access.campaign.id, request.params.importId);
    if (!row) throw new AppError('not_found', 'No such import.');
    return { import: presentImport(row) };
  });

  app.get('/api/campaigns/:slug/roster/mapping', { schema: { tags: ['roster'], params: slugParams } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'roster.import');
    return { mapping: await services.repositories.rosterImports.findMapping(access.campaign.id), fields: rosterFields };
  });

  app.put('/api/campaigns/:slug/roster/mapping', { schema: { tags: ['roster'], params: slugParams, body: z.object({ mapping: mappingSchema }) } }, async (request) => {
    const access = await requireCampaignAccess(services, request, request.params.slug, 'roster.import');
    await services.repositories.rosterImports.saveMapping(access.campaign.id, request.body.mapping, services.now());
    return { mapping: request.body.mapping, fields: rosterFields };
  });
}
