import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { accountSettingsOf } from '../../domain/accounts/account-settings.js';
import { authenticateSession, type AuthenticatedSession } from '../../domain/accounts/authenticate-session.js';
import { anonymousRequester } from '../../domain/commands/requester.js';
import type { Services } from '../../domain/create-services.js';
import { AppError } from '../../errors.js';

export const SESSION_COOKIE = 'uh_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthenticatedSession | null;
  }
}

/** Where a request came from; the User-Agent is kept with a session so that its owner can recognise it. */
export function requestInfo(request: FastifyRequest): { ip: string; userAgent: string | null } {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : null };
}

export function requireAccount(request: FastifyRequest): AuthenticatedSession {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first.');
  return request.auth;
}

/** `maxAgeSeconds` null: a browser-session cookie, gone when the browser closes ("keep me signed in" not chosen). */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number | null): void {
  void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, ...(maxAgeSeconds === null ? {} : { maxAge: maxAgeSeconds }) });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

// Loads the signed-in account (if any) for every /api request. Public pages never look.
export function registerAuthentication(app: FastifyInstance, services: Services, config: Config): void {
  const { limits } = accountSettingsOf(config);
  app.decorateRequest('auth', null);
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.auth = await services.execute(authenticateSession, anonymousRequester(request.ip), { token, limits });
    if (!request.auth) clearSessionCookie(reply);
  });
}
