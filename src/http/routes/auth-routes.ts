import type { Config } from '../../config.js';
import { accountsContract } from '../../contracts/accounts.js';
import { accountSettingsOf } from '../../domain/accounts/account-settings.js';
import { changeOwnPassword } from '../../domain/accounts/change-own-password.js';
import { endMySessions } from '../../domain/accounts/end-my-sessions.js';
import { listMySessions } from '../../domain/accounts/list-my-sessions.js';
import { requestPasswordReset } from '../../domain/accounts/request-password-reset.js';
import { setPassword } from '../../domain/accounts/set-password.js';
import { signIn } from '../../domain/accounts/sign-in.js';
import { signOutEverywhere } from '../../domain/accounts/sign-out-everywhere.js';
import { signOut } from '../../domain/accounts/sign-out.js';
import { viewMyAccount } from '../../domain/accounts/view-my-account.js';
import type { Services } from '../../domain/create-services.js';
import { AppError } from '../../errors.js';
import { noSoonerThan } from '../../support/no-sooner-than.js';
import { operation, requesterOf } from '../operation.js';
import { clearSessionCookie, requireAccount, requestInfo, setSessionCookie } from '../plugins/authentication.js';
import { presentAccount, presentMyAccount, presentMySession } from '../presenters/account-presenter.js';
import type { ZodApp } from '../zod-app.js';
import { setTimeout as sleep } from 'node:timers/promises';

const tags = ['auth'];

// Answers that must not tell whether an account exists are padded to one duration, longer than
// the work takes (decision 0027): a reset request records a link and a mail only for a real
// account; a one-time link hashes a password only when it works.
// Refused sign-ins are padded too: an account waiting after failures records less than one that
// counts a new failure, and under load that difference showed (a fifth faster). A person who
// mistyped waits a second; a right password is never held up.
const RESET_ANSWER_MS = 500;
const LINK_ANSWER_MS = 1000;
const SIGN_IN_REFUSAL_MS = 1000;
const c = accountsContract;

// Routes parse, name the requester, run one command or query, and present its result.
export function registerAuthRoutes(app: ZodApp, services: Services, config: Config): void {
  const { publicUrl, limits, secret } = accountSettingsOf(config);
  const secure = publicUrl.startsWith('https://');
  const maxAge = config.sessionAbsoluteHours * 3600;
  const loginLimit = { rateLimit: { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' } };

  app.get('/api/auth/csrf', { schema: operation('getCsrfToken', c.getCsrfToken, { tags, security: 'public' }) }, async (_request, reply) => {
    return { token: reply.generateCsrf() };
  });

  app.post('/api/auth/login', { config: loginLimit, schema: operation('signIn', c.signIn, { tags, security: 'public' }) }, async (request, reply) => {
    const { keepSignedIn, ...credentials } = request.body;
    const started = performance.now();
    const result = await services.execute(signIn, requesterOf(request), { ...credentials, userAgent: requestInfo(request).userAgent, limits, secret });
    // A refusal committed its audit row and backoff counter; only now does it become an error.
    if (!result.ok) {
      const left = SIGN_IN_REFUSAL_MS - (performance.now() - started);
      if (left > 0) await sleep(left);
      throw new AppError('invalid_credentials', result.message);
    }
    setSessionCookie(reply, result.token, secure, keepSignedIn ? maxAge : null);
    return { account: presentAccount(result.account) };
  });

  app.post('/api/auth/logout', { schema: operation('signOut', c.signOut, { tags, status: 204 }) }, async (request, reply) => {
    const { sessionId } = requireAccount(request);
    await services.execute(signOut, requesterOf(request), { sessionId });
    clearSessionCookie(reply);
    return reply.status(204).send();
  });

  app.post('/api/auth/logout-all', { schema: operation('signOutEverywhere', c.signOutEverywhere, { tags }) }, async (request, reply) => {
    requireAccount(request);
    const result = await services.execute(signOutEverywhere, requesterOf(request), {});
    clearSessionCookie(reply);
    return result;
  });

  app.post(
    '/api/auth/change-password',
    { config: loginLimit, schema: operation('changeOwnPassword', c.changeOwnPassword, { tags }) },
    async (request) => {
      const { sessionId } = requireAccount(request);
      const result = await services.execute(changeOwnPassword, requesterOf(request), { sessionId, ...request.body });
      // A wrong current password committed its audit row; only now does it become an error.
      if (!result.ok) throw new AppError('validation_failed', result.message, [{ field: 'currentPassword', reason: 'is not your current password' }]);
      return { sessionsEnded: result.sessionsEnded };
    },
  );

  app.get('/api/auth/sessions', { schema: operation('listMySessions', c.listMySessions, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    return { sessions: (await services.read(listMySessions, requesterOf(request), { sessionId })).map(presentMySession) };
  });

  app.delete('/api/auth/sessions/:handle', { schema: operation('endMySession', c.endMySession, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    return services.execute(endMySessions, requesterOf(request), { sessionId, handle: request.params.handle });
  });

  app.post('/api/auth/sessions/end-others', { schema: operation('endOtherSessions', c.endOtherSessions, { tags }) }, async (request) => {
    const { sessionId } = requireAccount(request);
    return services.execute(endMySessions, requesterOf(request), { sessionId });
  });

  app.get('/api/auth/me', { schema: operation('viewMyAccount', c.viewMyAccount, { tags }) }, async (request) => {
    requireAccount(request);
    return presentMyAccount(await services.read(viewMyAccount, requesterOf(request), {}));
  });

  app.post(
    '/api/auth/password-reset',
    { config: loginLimit, schema: operation('requestPasswordReset', c.requestPasswordReset, { tags, security: 'public', status: 202 }) },
    async (request, reply) => {
      await noSoonerThan(RESET_ANSWER_MS, () => services.execute(requestPasswordReset, requesterOf(request), { email: request.body.email, publicUrl }));
      // Same answer whether or not the account exists.
      return reply.status(202).send({ message: 'If that email has an account, a reset link is on its way.' });
    },
  );

  app.post('/api/auth/password', { config: loginLimit, schema: operation('setPassword', c.setPassword, { tags, security: 'public' }) }, async (request, reply) => {
    const { token, account } = await noSoonerThan(LINK_ANSWER_MS, () =>
      services.execute(setPassword, requesterOf(request), { ...request.body, userAgent: requestInfo(request).userAgent, limits }),
    );
    setSessionCookie(reply, token, secure, null);
    return { account: presentAccount(account) };
  });
}
