import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../domain/create-services.js';
import { AppError } from '../../errors.js';
import { requireAccount } from '../plugins/authentication.js';
import { presentAccount } from '../presenters/account-presenter.js';
import { presentAuditEvent } from '../presenters/audit-presenter.js';
import { presentMail } from '../presenters/mail-presenter.js';
import type { ZodApp } from '../zod-app.js';

// Instance administration: accounts, the whole audit log (including sign-ins, which belong to no
// campaign) and the local outbox. Only instance admins.
function requireInstanceAdmin(request: FastifyRequest) {
  const auth = requireAccount(request);
  if (!auth.account.instanceAdmin) throw new AppError('forbidden', 'Only instance administrators may do that.');
  return auth.account;
}

export function registerAdminRoutes(app: ZodApp, services: Services): void {
  const { accounts, audit, mail } = services.repositories;

  app.get('/api/admin/users', { schema: { tags: ['admin'] } }, async (request) => {
    requireInstanceAdmin(request);
    return { users: (await accounts.list()).map(presentAccount) };
  });

  app.post(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        body: z.object({
          email: z.string().trim().toLowerCase().email('is not an email address').max(254),
          name: z.string().trim().min(1, 'is required').max(200),
          instanceAdmin: z.boolean().default(false),
        }),
      },
    },
    async (request, reply) => {
      const admin = requireInstanceAdmin(request);
      const { account, welcomeLink } = await services.accounts.createAccount(request.body);
      await services.mailer.send({
        to: account.email,
        kind: 'welcome',
        subject: 'Your Unionhall account',
        text: `${admin.name} made you a Unionhall account.\n\nOpen this link within 72 hours to choose your password:\n${welcomeLink}\n`,
      });
      await audit.append({ actorAccountId: admin.id, actorEmail: admin.email, campaignId: null, action: 'account.created', subjectType: 'account', subjectId: account.id, ip: request.ip, details: { email: account.email, instanceAdmin: account.instanceAdmin } });
      return reply.status(201).send({ user: presentAccount(account) });
    },
  );

  app.get(
    '/api/admin/audit',
    {
      schema: {
        tags: ['admin', 'audit'],
        querystring: z.object({
          action: z.string().max(80).optional(),
          actor: z.uuid().optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
      },
    },
    async (request) => {
      requireInstanceAdmin(request);
      const rows = await audit.list({ action: request.query.action, actorAccountId: request.query.actor, beforeId: request.query.before, limit: request.query.limit });
      return { events: rows.map(presentAuditEvent) };
    },
  );

  app.get('/api/admin/outbox', { schema: { tags: ['admin'], querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }) } }, async (request) => {
    const admin = requireInstanceAdmin(request);
    await audit.append({ actorAccountId: admin.id, actorEmail: admin.email, campaignId: null, action: 'outbox.viewed', ip: request.ip });
    return { messages: (await mail.list(request.query.limit)).map(presentMail) };
  });
}
