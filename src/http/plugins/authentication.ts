import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AccountRow } from '../../db/repositories/accounts-repository.js';
import type { RequestInfo } from '../../domain/accounts/accounts-service.js';
import type { Services } from '../../domain/create-services.js';
import { AppError } from '../../errors.js';

export const SESSION_COOKIE = 'uh_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: { account: AccountRow; sessionId: string } | null;
  }
}

export function requestInfo(request: FastifyRequest): RequestInfo {
  const ua = request.headers['user-agent'];
  return { ip: request.ip, userAgent: typeof ua === 'string' ? ua : null };
}

export function requireAccount(request: FastifyRequest): { account: AccountRow; sessionId: string } {
  if (!request.auth) throw new AppError('unauthenticated', 'Sign in first.');
  return request.auth;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean, maxAgeSeconds: number): void {
  void reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: maxAgeSeconds });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

// Loads the signed-in account (if any) for every /api request. Public pages never look.
export function registerAuthentication(app: FastifyInstance, services: Services): void {
  app.decorateRequest('auth', null);
  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    request.auth = await services.accounts.authenticate(token);
    if (!request.auth) clearSessionCookie(reply);
  });
}
