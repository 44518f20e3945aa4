import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { createElement } from 'react';
import { databaseErrorCodes, isDatabaseUnavailable } from '../../db/database-errors.js';
import { AppError, isAppError, type FieldProblem } from '../../errors.js';
import { createRepeatLimiter } from '../../support/repeat-limiter.js';
import { getTranslator } from '../../i18n/translator.js';
import { requestLocale, type RequestLocale } from '../request-locale.js';
import { ErrorPage, type ErrorPageKind } from '../views/error-page.js';
import { renderPage } from '../views/layout.js';
import { NotFoundPage } from '../views/not-found-page.js';
import { serializeErrorForLog } from './log-safe-error.js';

type ErrorBody = { error: { code: string; message: string; fields?: FieldProblem[] } };

const isOsdiPath = (url: string): boolean => url === '/api/v1' || url.startsWith('/api/v1/') || url.startsWith('/api/v1?');

/**
 * OSDI's error resource (errors.md: request_type, response_code, resource_status with
 * error_descriptions) beside our own `error` object, so that OSDI clients and ours read the same
 * answer (decision 0029).
 */
function osdiErrorBody(status: number, body: ErrorBody): Record<string, unknown> {
  const fields = body.error.fields ?? [];
  const descriptions =
    fields.length > 0
      ? fields.map((f) => ({ error_code: body.error.code.toUpperCase(), description: `${f.field} ${f.reason}`, properties: [f.field.replace(/^(body|query|params)\./, '')] }))
      : [{ error_code: body.error.code.toUpperCase(), description: body.error.message }];
  return { request_type: 'atomic', response_code: status, resource_status: [{ resource: 'osdi:error', response_code: status, error_descriptions: descriptions }], ...body };
}

// Text PostgreSQL cannot store (a NUL byte in a slug, a name or a filter): the client's input, not our failure.
const UNSTORABLE_TEXT_CODES = new Set(['22021', '22P05']);

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
  if (databaseErrorCodes(err).some((code) => UNSTORABLE_TEXT_CODES.has(code))) {
    return new AppError('validation_failed', 'The request contains characters that cannot be stored (such as a NUL byte).');
  }
  if (isDatabaseUnavailable(err)) return new AppError('database_unavailable', 'The database is not answering. Try again shortly.');
  return new AppError('internal', 'Something went wrong on our side. Nothing was saved; try again.');
}

/**
 * Paths that answer JSON (the organizer API, OSDI, health and metrics); every other path is a page
 * a person reads in a browser, and gets an HTML page in their language.
 */
export function wantsJson(request: FastifyRequest): boolean {
  const url = request.url;
  return url.startsWith('/api/') || url === '/api' || url.startsWith('/healthz') || url.startsWith('/readyz') || url.startsWith('/metrics') || url.startsWith('/assets/');
}

function pageKind(appError: AppError): ErrorPageKind {
  if (appError.code === 'database_unavailable') return 'unavailable';
  if (appError.code === 'payload_too_large') return 'tooLarge';
  if (appError.status >= 500) return 'internal';
  return 'invalid';
}

/** The frame of an error page: no campaign name, since the database that knows it may be down. */
function errorPageHtml(request: FastifyRequest, reply: FastifyReply, render: (site: Parameters<typeof ErrorPage>[0]['site']) => ReturnType<typeof createElement>): string {
  let locale: RequestLocale;
  try {
    locale = requestLocale(request, reply);
  } catch {
    // Failed before the cookie parser ran (a malformed request): English, with no language switch.
    locale = { ...getTranslator('en'), other: 'es', switchHref: '/?lang=es' };
  }
  const site = { campaignName: 'Unionhall', base: '', siteUrl: '', path: request.url.split('?')[0] ?? '/', timeZone: 'UTC', locale };
  return renderPage(render(site));
}

type Failure = { request: FastifyRequest; err: unknown; message: string };
const loggers = new WeakMap<FastifyInstance, ReturnType<typeof createRepeatLimiter<Failure>>>();

/**
 * Logs a failed request. During an outage every request fails the same way: the first failure of
 * a kind (route, error code, cause) is logged at once, the rest are counted and logged as one line
 * per interval, so that a minute without the database does not write a gigabyte of log.
 */
export function logRequestError(request: FastifyRequest, err: unknown, message = 'request failed'): void {
  const limiter = loggers.get(request.server);
  if (!limiter) {
    request.log.error({ err }, message);
    return;
  }
  const logged = serializeErrorForLog(err);
  const root = (function rootOf(e: { message: string; cause?: unknown }): string {
    return e.cause && typeof e.cause === 'object' ? rootOf(e.cause as { message: string; cause?: unknown }) : e.message;
  })(logged);
  const key = `${message}|${request.routeOptions.url ?? request.url.split('?')[0]}|${databaseErrorCodes(err).join(',')}|${logged.type}|${root.split('\n')[0]?.slice(0, 200)}`;
  limiter.record(key, { request, err, message });
}

export function registerErrorHandler(app: FastifyInstance, options: { errorLogIntervalSeconds?: number } = {}): void {
  const intervalSeconds = options.errorLogIntervalSeconds ?? 30;
  loggers.set(
    app,
    createRepeatLimiter({
      intervalMs: intervalSeconds * 1000,
      report: ({ request, err, message }, repeats) =>
        repeats === 0
          ? request.log.error({ err }, message)
          : request.log.error({ err, repeats }, `${message} (the same failure ${repeats} more times in the last ${intervalSeconds} s; this is the latest)`),
    }),
  );
  app.addHook('onClose', async () => loggers.get(app)?.flush());

  app.setErrorHandler((err, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) logRequestError(request, err);
    // A client that may retry is told when: a restart of the database takes seconds.
    if (appError.code === 'database_unavailable') void reply.header('retry-after', '5');
    if (!wantsJson(request)) {
      void reply.header('cache-control', 'no-store');
      const html = errorPageHtml(request, reply, (site) => createElement(ErrorPage, { site, kind: pageKind(appError) }));
      void reply.status(appError.status).type('text/html; charset=utf-8').send(html);
      return;
    }
    const body: ErrorBody = { error: { code: appError.code, message: appError.message, ...(appError.fields ? { fields: appError.fields } : {}) } };
    if (isOsdiPath(request.url)) {
      void reply.status(appError.status).type('application/hal+json; charset=utf-8').send(osdiErrorBody(appError.status, body));
      return;
    }
    void reply.status(appError.status).type('application/json').send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    if (!wantsJson(request) && (request.method === 'GET' || request.method === 'HEAD')) {
      const html = errorPageHtml(request, reply, (site) => createElement(NotFoundPage, { site }));
      void reply.status(404).type('text/html; charset=utf-8').send(html);
      return;
    }
    const body: ErrorBody = { error: { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` } };
    void reply.status(404).send(isOsdiPath(request.url) ? osdiErrorBody(404, body) : body);
  });
}
