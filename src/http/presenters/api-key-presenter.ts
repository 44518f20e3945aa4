import type { ApiKey } from '../../contracts/integrations.js';
import type { ApiKeySummary } from '../../domain/integrations/api-key-summary.js';

/** An API key as the app lists it: name, prefix, scopes and dates; never the secret or its hash. */
export function presentApiKey(key: ApiKeySummary): ApiKey {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    scopes: key.scopes,
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}
