import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerHookHandler } from 'fastify';

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
//
// The check is attached to each route that needs it when the route is declared, rather than run
// as a global hook that asks every request for its route's options: `request.routeOptions` builds
// a new object on each call, a measurable share of the cost of a signature on the OSDI helper. Run
// first among the route's own preHandlers, after the global ones (authentication), as before.
// Unknown paths (the 404 handler is no route) have no state to change and are not checked.
export function registerCsrfCheck(app: FastifyInstance): void {
  const check = (request: FastifyRequest, reply: FastifyReply, done: (err?: Error) => void): void => {
    // A route declared for GET and POST alike is only checked on the unsafe method.
    if (SAFE.has(request.method)) return done();
    app.csrfProtection(request, reply, done);
  };
  app.addHook('onRoute', (route) => {
    if (route.config?.csrf === false) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => SAFE.has(m))) return;
    const own = route.preHandler === undefined ? [] : Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler];
    route.preHandler = [check as preHandlerHookHandler, ...own];
  });
}
