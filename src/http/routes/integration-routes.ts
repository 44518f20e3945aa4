import { integrationsContract } from '../../contracts/integrations.js';
import type { Services } from '../../domain/create-services.js';
import { createApiKey } from '../../domain/integrations/create-api-key.js';
import { listApiKeys } from '../../domain/integrations/list-api-keys.js';
import { revokeApiKey } from '../../domain/integrations/revoke-api-key.js';
import { setCorsOrigins } from '../../domain/integrations/set-cors-origins.js';
import type { CorsOrigins } from '../plugins/cors.js';
import { operation, requesterOf } from '../operation.js';
import { presentApiKey } from '../presenters/api-key-presenter.js';
import type { ZodApp } from '../zod-app.js';

const tags = ['integrations'];
const c = integrationsContract;

/** The admin's side of integrations: API keys (shown once) and the allowed web origins. */
export function registerIntegrationRoutes(app: ZodApp, services: Services, cors: CorsOrigins): void {
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

  app.put('/api/campaigns/:slug/cors-origins', { schema: operation('setCorsOrigins', c.setCorsOrigins, { tags }) }, async (request) => {
    const result = await services.execute(setCorsOrigins, requesterOf(request), { slug: request.params.slug, origins: request.body.origins });
    cors.invalidate();
    return result;
  });
}
