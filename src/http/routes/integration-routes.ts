import { integrationsContract } from '../../contracts/integrations.js';
import type { Services } from '../../domain/create-services.js';
import { createApiKey } from '../../domain/integrations/create-api-key.js';
import { listApiKeys } from '../../domain/integrations/list-api-keys.js';
import { listEmbeddablePetitions } from '../../domain/integrations/list-embeddable-petitions.js';
import { petitionPublicPath } from '../../domain/petitions/petition-public-path.js';
import type { Config } from '../../config.js';
import { petitionEmbedSnippet } from '../presenters/petition-embed-presenter.js';
import { revokeApiKey } from '../../domain/integrations/revoke-api-key.js';
import { setCorsOrigins } from '../../domain/integrations/set-cors-origins.js';
import { createWebhook } from '../../domain/integrations/create-webhook.js';
import { listWebhooks } from '../../domain/integrations/list-webhooks.js';
import { removeWebhook } from '../../domain/integrations/remove-webhook.js';
import { presentWebhook, presentWebhookDelivery } from '../presenters/webhook-presenter.js';
import type { CorsOrigins } from '../plugins/cors.js';
import { exportActionNetworkPeople } from '../../domain/integrations/export-action-network-people.js';
import { renderActionNetworkPeopleCsv } from '../../documents/action-network/action-network-csv.js';
import { formatContentDisposition } from '../../documents/content-disposition.js';
import { operation, requesterOf } from '../operation.js';
import { presentApiKey } from '../presenters/api-key-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['integrations'];
const c = integrationsContract;

/** The admin's side of integrations: API keys (shown once) and the allowed web origins. */
export function registerIntegrationRoutes(app: ZodApp, services: Services, cors: CorsOrigins, config: Config): void {
  app.get('/api/campaigns/:slug/api-keys', { schema: operation('listApiKeys', c.listApiKeys, { tags }) }, async (request) => {
    const { keys, origins } = await services.execute(listApiKeys, requesterOf(request), { slug: request.params.slug });
    return { keys: keys.map(presentApiKey), origins };
  });

  app.post('/api/campaigns/:slug/api-keys', { schema: operation('createApiKey', c.createApiKey, { tags, status: 201 }) }, async (request, reply) => {
    const { key, token } = await services.execute(createApiKey, requesterOf(request), { slug: request.params.slug, ...request.body });
    // The one answer that carries the secret: never cached anywhere.
    return reply.status(201).header('cache-control', 'no-store').send({ key: presentApiKey(key), token });
  });

  app.post('/api/campaigns/:slug/api-keys/:keyId/revoke', { schema: operation('revokeApiKey', c.revokeApiKey, { tags }) }, async (request) => {
    const key = await services.execute(revokeApiKey, requesterOf(request), { slug: request.params.slug, keyId: request.params.keyId });
    return { key: presentApiKey(key) };
  });

  app.get('/api/campaigns/:slug/embeds', { schema: operation('listEmbeds', c.listEmbeds, { tags }) }, async (request) => {
    const found = await services.read(listEmbeddablePetitions, requesterOf(request), { slug: request.params.slug });
    return {
      petitions: found.map((f) => {
        const hostedUrl = `${config.publicUrl}${petitionPublicPath(f)}`;
        return { id: f.petition.id, title: f.petition.title, hostedUrl, snippet: petitionEmbedSnippet({ publicUrl: config.publicUrl, petitionId: f.petition.id, title: f.petition.title, hostedUrl }) };
      }),
    };
  });

  app.get('/api/campaigns/:slug/webhooks', { schema: operation('listWebhooks', c.listWebhooks, { tags }) }, async (request) => {
    const { webhooks, deliveries } = await services.execute(listWebhooks, requesterOf(request), { slug: request.params.slug });
    return { webhooks: webhooks.map(presentWebhook), deliveries: deliveries.map(presentWebhookDelivery) };
  });

  app.post('/api/campaigns/:slug/webhooks', { schema: operation('createWebhook', c.createWebhook, { tags, status: 201 }) }, async (request, reply) => {
    const { webhook, secret } = await services.execute(createWebhook, requesterOf(request), { slug: request.params.slug, url: request.body.url, events: request.body.events });
    return reply.status(201).header('cache-control', 'no-store').send({ webhook: presentWebhook(webhook), secret });
  });

  app.delete('/api/campaigns/:slug/webhooks/:webhookId', { schema: operation('removeWebhook', c.removeWebhook, { tags, status: 204 }) }, async (request, reply) => {
    await services.execute(removeWebhook, requesterOf(request), { slug: request.params.slug, webhookId: request.params.webhookId });
    return reply.status(204).send();
  });

  app.put('/api/campaigns/:slug/cors-origins', { schema: operation('setCorsOrigins', c.setCorsOrigins, { tags }) }, async (request) => {
    const result = await services.execute(setCorsOrigins, requesterOf(request), { slug: request.params.slug, origins: request.body.origins });
    cors.invalidate();
    return result;
  });

  // The public side's people with their tags, in Action Network's columns (admins; audited first).
  app.get('/api/campaigns/:slug/action-network/people.csv', { schema: operation('exportActionNetworkPeople', c.exportActionNetworkPeople, { tags, produces: 'text/csv' }) }, async (request, reply) => {
    const { campaignSlug, people } = await services.execute(exportActionNetworkPeople, requesterOf(request), request.params);
    return reply
      .type('text/csv; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('content-disposition', formatContentDisposition(`${campaignSlug}-action-network-people.csv`))
      .send(renderActionNetworkPeopleCsv(people));
  });
}
