import type { Config } from '../../config.js';
import { osdiMessagesContract } from '../../contracts/osdi-messages.js';
import { anonymousRequester } from '../../domain/commands/requester.js';
import type { Services } from '../../domain/create-services.js';
import { listOsdiMessages } from '../../domain/integrations/list-osdi-messages.js';
import { AppError } from '../../errors.js';
import { operation } from '../operation.js';
import { CURIES, HAL, keyedRateLimit, pageLinks, tokenOf } from '../osdi-hal.js';
import { presentOsdiMessage } from '../presenters/osdi-message-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['osdi'];
const c = osdiMessagesContract;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** OSDI messages: the key's campaign's published newsletters, read with the read scope (decision 0038). */
export function registerOsdiMessageRoutes(app: ZodApp, services: Services, config: Config): void {
  const api = `${config.publicUrl}/api/v1`;
  const keyedLimit = keyedRateLimit(config);

  app.get('/api/v1/messages', { config: keyedLimit, schema: operation('listOsdiMessages', c.listOsdiMessages, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
    const query = request.query;
    const found = await services.execute(listOsdiMessages, anonymousRequester(request.ip), { token: tokenOf(request), page: query.page, perPage: query.per_page, filter: query.filter });
    const urls = { api, publicUrl: config.publicUrl, sitePath: found.sitePath };
    const items = found.messages.map((n) => presentOsdiMessage(n, found.campaign, urls));
    const totalPages = Math.max(1, Math.ceil(found.total / query.per_page));
    return reply.type(HAL).header('cache-control', 'no-store').send({
      total_pages: totalPages,
      per_page: query.per_page,
      page: query.page,
      total_records: found.total,
      _links: { ...pageLinks(`${api}/messages`, query, totalPages), 'osdi:messages': items.map((i) => ({ href: i._links.self.href })) },
      _embedded: { 'osdi:messages': items },
    });
  });

  app.get('/api/v1/messages/:id', { config: keyedLimit, schema: operation('viewOsdiMessage', c.viewOsdiMessage, { tags, security: 'apiKey', osdi: true }) }, async (request, reply) => {
    // Checked after the key: a wrong key is told so before any id is looked at.
    const messageId = UUID.test(request.params.id) ? request.params.id : '00000000-0000-0000-0000-000000000000';
    const found = await services.execute(listOsdiMessages, anonymousRequester(request.ip), { token: tokenOf(request), page: 1, perPage: 1, filter: undefined, messageId });
    const message = found.messages[0];
    if (!message) throw new AppError('not_found', 'No such message.');
    const item = presentOsdiMessage(message, found.campaign, { api, publicUrl: config.publicUrl, sitePath: found.sitePath });
    return reply.type(HAL).header('cache-control', 'no-store').send({ ...item, _links: { ...item._links, curies: CURIES } });
  });
}
