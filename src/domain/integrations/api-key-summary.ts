import type { ApiKeyRow } from '../../db/repositories/integrations-repository.js';
import type { ApiKeyScope } from '../../vocabulary/api-keys.js';

/** What the app shows of a key: never its secret or hash. */
export type ApiKeySummary = { id: string; name: string; prefix: string; scopes: ApiKeyScope[]; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

export function presentableKey(row: ApiKeyRow): ApiKeySummary {
  return { id: row.id, name: row.name, prefix: row.prefix, scopes: row.scopes, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt };
}
