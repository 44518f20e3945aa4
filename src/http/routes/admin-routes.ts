import type { Config } from '../../config.js';
import { accountsContract } from '../../contracts/accounts.js';
import { auditContract } from '../../contracts/audit.js';
import { createAccount } from '../../domain/accounts/create-account.js';
import { disableAccount } from '../../domain/admin/disable-account.js';
import { enableAccount } from '../../domain/admin/enable-account.js';
import { setInstanceAdmin } from '../../domain/admin/set-instance-admin.js';
import { listAccounts } from '../../domain/admin/list-accounts.js';
import { listAuditEvents } from '../../domain/admin/list-audit-events.js';
import { listOutbox } from '../../domain/admin/list-outbox.js';
import type { Services } from '../../domain/create-services.js';
import { operation, requesterOf } from '../operation.js';
import { requireAccount } from '../plugins/authentication.js';
import { presentAccount } from '../presenters/account-presenter.js';
import { presentAuditEvent } from '../presenters/audit-presenter.js';
import { presentMail } from '../presenters/mail-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['admin'];
const c = accountsContract;

// Instance administration: accounts, the whole audit log (including sign-ins, which belong to no
// campaign) and the local outbox. The commands let only instance admins in.
export function registerAdminRoutes(app: ZodApp, services: Services, config: Config): void {
  app.get('/api/admin/users', { schema: operation('listAccounts', c.listAccounts, { tags }) }, async (request) => {
    requireAccount(request);
    const rows = await services.read(listAccounts, requesterOf(request), {});
    return { users: rows.map(presentAccount) };
  });

  app.post('/api/admin/users', { schema: operation('createAccount', c.createAccount, { tags, status: 201 }) }, async (request, reply) => {
    requireAccount(request);
    const account = await services.execute(createAccount, requesterOf(request), { ...request.body, publicUrl: config.publicUrl });
    return reply.status(201).send({ user: presentAccount(account) });
  });

  // Each takes effect at the account's next request: every request reads the account again.
  app.post('/api/admin/users/:accountId/disable', { schema: operation('disableAccount', c.disableAccount, { tags }) }, async (request) => {
    requireAccount(request);
    return { user: presentAccount(await services.execute(disableAccount, requesterOf(request), request.params)) };
  });

  app.post('/api/admin/users/:accountId/enable', { schema: operation('enableAccount', c.enableAccount, { tags }) }, async (request) => {
    requireAccount(request);
    return { user: presentAccount(await services.execute(enableAccount, requesterOf(request), request.params)) };
  });

  app.put('/api/admin/users/:accountId/instance-admin', { schema: operation('setInstanceAdmin', c.setInstanceAdmin, { tags }) }, async (request) => {
    requireAccount(request);
    return { user: presentAccount(await services.execute(setInstanceAdmin, requesterOf(request), { ...request.params, ...request.body })) };
  });

  app.get('/api/admin/audit', { schema: operation('listAuditEvents', auditContract.listAuditEvents, { tags: ['admin', 'audit'] }) }, async (request) => {
    requireAccount(request);
    const q = request.query;
    const rows = await services.execute(listAuditEvents, requesterOf(request), { action: q.action, actorAccountId: q.actor, beforeId: q.before, limit: q.limit, allCampaigns: q.allCampaigns === 'true' });
    return { events: rows.map(presentAuditEvent) };
  });

  app.get('/api/admin/outbox', { schema: operation('listOutbox', c.listOutbox, { tags }) }, async (request) => {
    requireAccount(request);
    const rows = await services.execute(listOutbox, requesterOf(request), { limit: request.query.limit, allCampaigns: request.query.allCampaigns === 'true' });
    return { messages: rows.map(presentMail) };
  });
}
