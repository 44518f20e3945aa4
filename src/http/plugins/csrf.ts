import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false for machine endpoints that take no cookies (e.g. the OSDI API with API keys). */
    csrf?: boolean;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

// Every state-changing request from a browser must carry the token issued by /api/auth/csrf (or
// rendered into the form as `_csrf`), bound to a signed cookie: a page on another site can make
// the browser send our cookies, but it cannot read the token.
export function registerCsrfCheck(app: FastifyInstance): void {
  app.addHook('preHandler', (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void) => {
    // No route, no state to change: an unknown path answers 404 whatever the method.
    if (SAFE.has(request.method) || request.is404 || request.routeOptions.config.csrf === false) return done();
    app.csrfProtection(request, reply, done);
  });
}
