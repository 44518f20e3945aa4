import { z } from 'zod';
import { apiKeyScopes } from '../vocabulary/api-keys.js';
import { id, instant, slug, slugParams } from './shared.js';

// The organizer API of integrations (decision 0029): API keys for the OSDI API and the web
// origins allowed to call it from a browser.

export const apiKeyScope = z.enum(apiKeyScopes);
export const apiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(apiKeyScope),
  createdAt: instant,
  lastUsedAt: instant.nullable(),
  revokedAt: instant.nullable(),
});
export type ApiKey = z.infer<typeof apiKey>;

/** An origin as a browser sends it: scheme, host and port, nothing after. */
const origin = z
  .string()
  .trim()
  .max(200)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
    } catch {
      return false;
    }
  }, 'is not a web origin like https://union.example (no path, no trailing slash)');

export const integrationsContract = {
  listApiKeys: { params: slugParams, response: z.object({ keys: z.array(apiKey), origins: z.array(z.string()) }) },
  createApiKey: {
    params: slugParams,
    body: z.object({
      name: z.string().trim().min(1, 'is required').max(100, 'is too long'),
      scopes: z.array(apiKeyScope).min(1, 'needs at least one scope').max(3),
    }),
    response: z.object({ key: apiKey, token: z.string().meta({ description: 'The secret, shown this once. Send it as the OSDI-API-Token header.' }) }),
  },
  revokeApiKey: { params: z.object({ slug, keyId: id('API key') }), response: z.object({ key: apiKey }) },
  listEmbeds: {
    params: slugParams,
    response: z.object({
      petitions: z.array(z.object({ id: z.uuid(), title: z.string(), hostedUrl: z.string(), snippet: z.string().meta({ description: 'HTML to paste into another site: a link to the hosted page that the script turns into the signing form.' }) })),
    }),
  },
  setCorsOrigins: {
    params: slugParams,
    body: z.object({ origins: z.array(origin).max(20) }),
    response: z.object({ origins: z.array(z.string()) }),
  },
} as const;
