import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Services } from '../domain/create-services.js';
import { registerAuthentication } from './plugins/authentication.js';
import { registerCleanInput } from './plugins/clean-input.js';
import { registerMetrics } from './plugins/metrics.js';
import { postgresRateLimitStore } from './plugins/rate-limit-store.js';
import type { Lifecycle } from './routes/health-routes.js';
import { registerCsrfCheck } from './plugins/csrf.js';
import { registerCors, stripOsdiTrailingSlash } from './plugins/cors.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerSecondFactorGate } from './plugins/second-factor-gate.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { serializeErrorForLog } from './plugins/log-safe-error.js';
import type { DumpDatabase } from './routes/backup-routes.js';
import { registerRoutes } from './routes/index.js';

const root = path.resolve(import.meta.dirname, '..', '..');
export const webDistDir = path.join(root, 'dist', 'web');

export type AppOptions = {
  config: Config;
  db: Db;
  services: Services;
  logger?: boolean;
  /** Where the log goes (standard output by default); tests read it. */
  logStream?: NodeJS.WritableStream;
  /** `serve` says when it is shutting down (readiness turns 503 while requests drain). */
  lifecycle?: Lifecycle;
  /** Restarts of the embedded PostgreSQL, for /metrics. */
  databaseRestarts?: () => number;
  /** A full dump of the database, for the backup an admin downloads from the app (`serve` gives it). */
  dumpDatabase?: DumpDatabase;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, db, services } = options;
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            ...(options.logStream ? { stream: options.logStream } : {}),
            // Request logs carry method, route and status; never bodies, cookies or query strings
            // (tokens and personal data travel there).
            serializers: {
              req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
              err: serializeErrorForLog,
            },
            redact: ['req.headers.cookie', 'req.headers.authorization'],
          },
    trustProxy: config.trustProxy,
    // OSDI clients and the spec's own examples write `/api/v1/petitions/`: the OSDI API answers
    // with and without the trailing slash (decision 0029). Nowhere else changes.
    rewriteUrl: (req) => stripOsdiTrailingSlash(req.url ?? '/'),
    bodyLimit: 1024 * 1024,
    // Bounded clients: the whole request (headers and body) must arrive within requestTimeout, the
    // headers within headersTimeout, or Node answers 408 and closes the socket, so that a few
    // hundred trickling sockets cannot hold the server. Node checks every connectionsCheckingInterval.
    requestTimeout: config.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(config.requestHeadersTimeoutMs, config.requestTimeoutMs),
      connectionsCheckingInterval: Math.min(1000, config.requestHeadersTimeoutMs),
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app, { errorLogIntervalSeconds: config.errorLogIntervalSeconds });
  registerMetrics(app, { services, token: config.metricsToken, databaseRestarts: options.databaseRestarts });

  // Security headers (helmet's policy), computed once: see plugins/security-headers.ts.
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https://') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https://'),
    referrerPolicy: { policy: 'same-origin' },
  });
  // Limits apply per route and hold across every app process on the database (decision 0022).
  // No answer carries rate-limit headers: on a school's shared network, x-ratelimit-remaining on
  // the card form would tell anyone how many cards colleagues just sent.
  const noHeaders = { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false, 'retry-after': false } as const;
  await app.register(fastifyRateLimit, {
    global: false,
    store: postgresRateLimitStore(services.routeRateLimits, config.sessionSecret),
    addHeaders: noHeaders,
    addHeadersOnExceeding: noHeaders,
  });
  await app.register(fastifyCookie, { secret: config.sessionSecret });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, {
    cookieKey: 'uh_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: config.publicUrl.startsWith('https://') },
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'Unionhall API',
        version: config.version,
        description: [
          'Two APIs. **The organizer API** (`/api/campaigns/…`) is what the organizer app uses: it needs a signed-in session (the `uh_session` cookie) and, on writes, the CSRF token from `GET /api/auth/csrf` in `x-csrf-token`.',
          '',
          '**The OSDI API** (`/api/v1`, [OSDI 1.2](https://opensupporter.github.io/osdi-docs/), HAL+JSON) is for other tools: Action Network-style clients, jquery-osdi, Parsons. Petitions and the record-signature helper are public. Everything else needs an API key, sent as the `OSDI-API-Token` header. A campaign admin creates keys in the app (Integrations, in the menu); a key is shown once, belongs to one campaign and has scopes: `read` (petitions and their signers), `write` (record signatures its source vouches for, confirmed at once with that origin), `organizing` (roster data). Card signers are never readable over the API. A wrong or revoked key is 401, a key without the scope 403; keyed calls carry `x-ratelimit-*` headers.',
          '',
          'OSDI errors carry OSDI\'s error resource (`request_type`, `response_code`, `resource_status[].error_descriptions[]`) and our own `error: {code, message, fields}`. Collections page with `page` and `per_page` (clamped to 25) and `next`/`previous` links, and take `filter=` with `eq`, `gt`, `lt` and `and` on `modified_date`, `created_date`, `identifiers` and `email`.',
        ].join('\n'),
      },
      servers: [{ url: config.publicUrl }],
      components: {
        securitySchemes: {
          // The organizer app's session; writes also need the CSRF token from GET /api/auth/csrf in x-csrf-token.
          session: { type: 'apiKey', in: 'cookie', name: 'uh_session' },
          // The OSDI API: a key an admin creates in the app (Integrations, in the menu), shown once.
          osdiApiToken: { type: 'apiKey', in: 'header', name: 'OSDI-API-Token', description: 'An API key created by a campaign admin in the app. Scopes: read (petitions and their signers), write (record signatures its source vouches for), organizing (roster data). Card signers are never readable.' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  registerAuthentication(app, services, config);
  registerSecondFactorGate(app);
  registerCsrfCheck(app);
  registerCleanInput(app);

  // Before the routes' own hooks: a preflight is answered here and goes no further.
  const cors = registerCors(app, services);
  registerRoutes(app, { config, db, services, lifecycle: options.lifecycle, dumpDatabase: options.dumpDatabase, cors });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  // The API reference, read from the same document (decision 0029). Its own CSP (staticCSP)
  // replaces ours on its pages.
  // swagger-ui sets style attributes as it renders, so its pages (only they) allow inline styles; scripts stay 'self'.
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (header) => header.replace("style-src 'self' https:", "style-src 'self' 'unsafe-inline'"),
    // Sections closed at first, with a filter box: with all 178 operations open at once, swagger-ui
    // painted 6 of them in a minute in Chromium on a loaded machine, and OSDI's never (e2e/api-docs.test.ts).
    uiConfig: { docExpansion: 'none', deepLinking: true, filter: true },
  });

  await app.register(fastifyStatic, { root: path.join(root, 'public'), prefix: '/assets/', decorateReply: false, maxAge: '1h' });
  await registerOrganizerApp(app);
  return app;
}

// The organizer app is a static React build; every /app/* path that is not a file gets its
// index.html so that client-side routes survive a reload.
async function registerOrganizerApp(app: FastifyInstance): Promise<void> {
  const index = path.join(webDistDir, 'index.html');
  if (!existsSync(index)) {
    app.get('/app/*', { schema: { hide: true } }, async (_request, reply) => reply.status(503).type('text/plain').send('The organizer app is not built. Run: npm run build'));
    return;
  }
  await app.register(fastifyStatic, { root: webDistDir, prefix: '/app/', wildcard: false, index: ['index.html'], schemaHide: true });
  app.get('/app', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/app/'));
  app.get('/app/*', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').sendFile('index.html', webDistDir));
}
