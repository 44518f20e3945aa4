import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Services } from '../../domain/create-services.js';
import { presentAccount } from '../presenters/account-presenter.js';
import { presentCampaign } from '../presenters/campaign-presenter.js';
import { clearSessionCookie, requestInfo, requireAccount, setSessionCookie } from '../plugins/authentication.js';
import type { ZodApp } from '../zod-app.js';

const email = z.string().trim().toLowerCase().email('is not an email address').max(254);

export function registerAuthRoutes(app: ZodApp, services: Services, config: Config): void {
  const secure = config.publicUrl.startsWith('https://');
  const maxAge = config.sessionAbsoluteHours * 3600;
  const loginLimit = { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  app.get('/api/auth/csrf', { schema: { tags: ['auth'], response: { 200: z.object({ token: z.string() }) } } }, async (_request, reply) => {
    return { token: reply.generateCsrf() };
  });

  app.post(
    '/api/auth/login',
    { config: loginLimit, schema: { tags: ['auth'], body: z.object({ email, password: z.string().min(1, 'is required').max(256) }) } },
    async (request, reply) => {
      const { token, account } = await services.accounts.login(request.body.email, request.body.password, requestInfo(request));
      setSessionCookie(reply, token, secure, maxAge);
      return { account: presentAccount(account) };
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const auth = requireAccount(request);
    await services.accounts.logout(auth.sessionId, auth.account, requestInfo(request));
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.post('/api/auth/logout-all', { schema: { tags: ['auth'] } }, async (request, reply) => {
    const auth = requireAccount(request);
    const sessions = await services.accounts.logoutEverywhere(auth.account, requestInfo(request));
    clearSessionCookie(reply);
    return { sessionsEnded: sessions };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'] } }, async (request) => {
    const { account } = requireAccount(request);
    const rows = await services.repositories.campaigns.listForAccount(account.id);
    return { account: presentAccount(account), campaigns: rows.map((r) => presentCampaign(r.campaign, r.role)) };
  });

  app.post(
    '/api/auth/password-reset',
    { config: loginLimit, schema: { tags: ['auth'], body: z.object({ email }) } },
    async (request, reply) => {
      await services.accounts.requestPasswordReset(request.body.email, requestInfo(request));
      // Same answer whether or not the account exists.
      return reply.status(202).send({ message: 'If that email has an account, a reset link is on its way.' });
    },
  );

  app.post(
    '/api/auth/password',
    { config: loginLimit, schema: { tags: ['auth'], body: z.object({ token: z.string().min(10).max(200), password: z.string().max(256) }) } },
    async (request, reply) => {
      const { token, account } = await services.accounts.setPasswordWithToken(request.body.token, request.body.password, requestInfo(request));
      setSessionCookie(reply, token, secure, maxAge);
      return { account: presentAccount(account) };
    },
  );
}
