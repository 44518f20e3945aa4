import { z } from 'zod';
import { apiKeyScopes, webhookEvents } from '../vocabulary/api-keys.js';
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

export const webhookEvent = z.enum(webhookEvents);
export const webhook = z.object({ id: z.uuid(), url: z.string(), events: z.array(webhookEvent), createdAt: instant });
export type Webhook = z.infer<typeof webhook>;
export const webhookDelivery = z.object({
  id: z.uuid(),
  url: z.string(),
  event: webhookEvent,
  createdAt: instant,
  attempts: z.number().int(),
  deliveredAt: instant.nullable(),
  nextAttemptAt: instant.nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
});
export type WebhookDelivery = z.infer<typeof webhookDelivery>;
const webhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'is not a web address (https://…)');

export const integrationsContract = {
  listWebhooks: { params: slugParams, response: z.object({ webhooks: z.array(webhook), deliveries: z.array(webhookDelivery) }) },
  createWebhook: {
    params: slugParams,
    body: z.object({ url: webhookUrl, events: z.array(webhookEvent).min(1, 'needs at least one event').max(webhookEvents.length) }),
    response: z.object({ webhook, secret: z.string().meta({ description: 'The signing secret, shown this once (HMAC-SHA256; see the Unionhall-Signature header).' }) }),
  },
  removeWebhook: { params: z.object({ slug, webhookId: id('webhook') }), response: z.void().meta({ description: 'Done (no content)' }) },
  exportActionNetworkPeople: { params: slugParams },
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
