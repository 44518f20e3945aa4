import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { jsonUploadBody, MAX_CSV_BYTES, MAX_JSON_BYTES, rosterContract, type csvUploadQuery } from '../../contracts/roster.js';
import type { Services } from '../../domain/create-services.js';
import { importRoster } from '../../domain/roster/import-roster.js';
import { listRosterImports } from '../../domain/roster/list-roster-imports.js';
import { previewRosterImport } from '../../domain/roster/preview-roster-import.js';
import { parseMappingPairs, rosterFields, type ColumnMapping } from '../../domain/roster/roster-mapping.js';
import type { RosterUpload } from '../../domain/roster/run-roster-import.js';
import { saveRosterMapping } from '../../domain/roster/save-roster-mapping.js';
import { undoImport } from '../../domain/roster/undo-import.js';
import { viewRosterImport } from '../../domain/roster/view-roster-import.js';
import { viewRosterMapping } from '../../domain/roster/view-roster-mapping.js';
import { AppError } from '../../errors.js';
import { operation, requesterOf } from '../operation.js';
import { presentImport, presentImportDetail, presentImportResult } from '../presenters/roster-import-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['roster'];
const c = rosterContract;
const uploadDescription =
  'Body: the file as text/csv (streamed: any size up to 1 GB; options as query parameters), or JSON {csv, mapping, effectiveDate, mode, confirmLeaving, fileName, preview} up to 64 MB.';

type UploadQuery = z.output<typeof csvUploadQuery>;

/**
 * The upload as the import command takes it, from either body. A text/csv body arrives as a stream
 * and is never buffered, so the route schema cannot validate it: the JSON form is checked here
 * against the same contract.
 */
function readUpload(request: FastifyRequest, slug: string, q: UploadQuery): RosterUpload {
  if (request.body instanceof Readable) {
    const pairs = q.map === undefined ? [] : Array.isArray(q.map) ? q.map : [q.map];
    return {
      slug,
      source: request.body,
      mapping: parseMappingPairs(pairs),
      effectiveDate: q.effectiveDate,
      mode: q.mode,
      confirmLeaving: q.confirmLeaving === 'true',
      fileName: q.fileName ?? null,
      previewLimit: q.preview,
      maxBytes: MAX_CSV_BYTES,
    };
  }
  const b = jsonUploadBody.safeParse(request.body);
  if (!b.success) throw new AppError('validation_failed', 'Some fields are not valid.', b.error.issues.map((i) => ({ field: ['body', ...i.path].join('.'), reason: i.message })));
  return {
    slug,
    source: Readable.from([Buffer.from(b.data.csv, 'utf8')]),
    mapping: b.data.mapping as Partial<ColumnMapping>,
    effectiveDate: b.data.effectiveDate,
    mode: b.data.mode,
    confirmLeaving: b.data.confirmLeaving,
    fileName: b.data.fileName ?? null,
    previewLimit: b.data.preview,
    maxBytes: MAX_CSV_BYTES,
  };
}

export function registerRosterImportRoutes(app: ZodApp, services: Services): void {
  // CSV bodies are handed to the route as a stream; the import reads them batch by batch.
  app.addContentTypeParser(['text/csv', 'application/csv'], (_request, payload, done) => done(null, payload));

  app.post(
    '/api/campaigns/:slug/roster/imports/dry-run',
    { bodyLimit: MAX_JSON_BYTES, schema: { ...operation('previewRosterImport', c.previewRosterImport, { tags }), description: uploadDescription } },
    async (request) => {
      const result = await services.execute(previewRosterImport, requesterOf(request), readUpload(request, request.params.slug, request.query));
      return presentImportResult(result);
    },
  );

  app.post(
    '/api/campaigns/:slug/roster/imports',
    { bodyLimit: MAX_JSON_BYTES, schema: { ...operation('importRoster', c.importRoster, { tags, status: 201 }), description: uploadDescription } },
    async (request, reply) => {
      const result = await services.execute(importRoster, requesterOf(request), readUpload(request, request.params.slug, request.query));
      return reply.status(201).send(presentImportResult(result));
    },
  );

  app.get('/api/campaigns/:slug/roster/imports', { schema: operation('listRosterImports', c.listRosterImports, { tags }) }, async (request) => {
    const rows = await services.read(listRosterImports, requesterOf(request), { slug: request.params.slug, limit: request.query.limit });
    return { imports: rows.map(presentImport) };
  });

  app.get('/api/campaigns/:slug/roster/imports/:importId', { schema: operation('viewRosterImport', c.viewRosterImport, { tags }) }, async (request) => {
    return { import: presentImportDetail(await services.execute(viewRosterImport, requesterOf(request), request.params)) };
  });

  app.post('/api/campaigns/:slug/roster/imports/:importId/undo', { schema: operation('undoImport', c.undoImport, { tags }) }, async (request) => {
    return { import: presentImportDetail(await services.execute(undoImport, requesterOf(request), request.params)) };
  });

  app.get('/api/campaigns/:slug/roster/mapping', { schema: operation('viewRosterMapping', c.viewRosterMapping, { tags }) }, async (request) => {
    return { mapping: await services.read(viewRosterMapping, requesterOf(request), { slug: request.params.slug }), fields: [...rosterFields] };
  });

  app.put('/api/campaigns/:slug/roster/mapping', { schema: operation('saveRosterMapping', c.saveRosterMapping, { tags }) }, async (request) => {
    const mapping = await services.execute(saveRosterMapping, requesterOf(request), { slug: request.params.slug, mapping: request.body.mapping as ColumnMapping });
    return { mapping, fields: [...rosterFields] };
  });
}
