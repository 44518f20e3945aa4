import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError, type FieldProblem } from '../../errors.js';

type ErrorBody = { error: { code: string; message: string; fields?: FieldProblem[] } };

const DATABASE_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', '57P01', '57P02', '57P03', '3D000']);

// Text PostgreSQL cannot store (a NUL byte in a slug, a name or a filter): the client's input, not our failure.
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

// Drizzle wraps the driver's error (DrizzleQueryError, the original in `cause`), so look down the chain.
function databaseCodes(err: unknown): string[] {
  const codes: string[] = [];
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

function isDatabaseDown(err: unknown): boolean {
  // Class 08 is "connection exception" in PostgreSQL's SQLSTATE table.
  return databaseCodes(err).some((code) => DATABASE_DOWN_CODES.has(code) || code.startsWith('08'));
}

// Maps anything thrown to one JSON shape with a stable code. Clients never see stack traces or
// SQL; the log keeps the detail for us (without request bodies, which hold personal data).
export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (hasZodFastifySchemaValidationErrors(err)) {
    const context = (err as { validationContext?: string }).validationContext ?? 'body';
    const fields = err.validation.map((v) => ({
      field: [context, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      reason: v.message ?? 'is invalid',
    }));
    return new AppError('validation_failed', `Some fields are not valid: ${fields.map((f) => `${f.field} ${f.reason}`).join('; ')}`, fields);
  }
  const fe = err as Partial<FastifyError>;
  if (fe.code?.startsWith('FST_CSRF')) return new AppError('csrf_invalid', 'The form expired or did not come from this site. Reload the page and try again.');
  if (fe.statusCode === 429) return new AppError('rate_limited', 'Too many requests. Wait a minute and try again.');
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('payload_too_large', 'The request is too large.');
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('validation_failed', 'Unsupported content type.', [{ field: 'content-type', reason: 'is not supported' }]);
  if (fe.statusCode === 400 && (fe.code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError)) return new AppError('invalid_json', 'The request body is not valid JSON.');
  if (fe.statusCode === 404) return new AppError('not_found', 'Not found.');
  if (databaseCodes(err).some((code) => UNSTORABLE_TEXT_CODES.has(code))) {
    return new AppError('validation_failed', 'The request contains characters that cannot be stored (such as a NUL byte).');
  }
  if (isDatabaseDown(err)) return new AppError('database_unavailable', 'The database is not answering. Try again shortly.');
  return new AppError('internal', 'Something went wrong on our side. Nothing was saved; try again.');
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, 'request failed');
    const body: ErrorBody = { error: { code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) } };
    void reply.status(appError.status).type('application/json').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.status(404).send({ error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } });
  });
}
