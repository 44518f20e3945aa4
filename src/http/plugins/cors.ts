import type { FastifyInstance } from 'fastify';
import { anonymousRequester } from '../../domain/commands/requester.js';
import type { Services } from '../../domain/create-services.js';
import { listAllowedOrigins } from '../../domain/integrations/list-allowed-origins.js';

export type CorsOrigins = { invalidate: () => void; allows: (origin: string) => Promise<boolean> };

// Another process's change reaches this one within this long (decision 0029).
const TTL_MS = 5000;

const isOsdiPath = (url: string): boolean => url === '/api/v1' || url.startsWith('/api/v1/') || url.startsWith('/api/v1?');

/** `/api/v1/petitions/?page=2` → `/api/v1/petitions?page=2`; any other URL as it is. */
export function stripOsdiTrailingSlash(url: string): string {
  if (!url.startsWith('/api/v1/')) return url;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  if (!path.endsWith('/')) return url;
  return path.replace(/\/+$/, '') + (q === -1 ? '' : url.slice(q));
}

/**
 * CORS for the OSDI API only, from the origins admins list (the union's own website), so a page
 * there can post to the helpers and read petitions from a browser (jquery-osdi, the embed).
 * Credentials are never allowed: the organizer API's session cookie never travels cross-origin,
 * and an API key does not belong in a web page, so OSDI-API-Token is not an allowed header.
 */
export function registerCors(app: FastifyInstance, services: Services): CorsOrigins {
  let cached: { at: number; origins: Promise<Set<string>> } | null = null;
  function origins(): Promise<Set<string>> {
    const t = performance.now();
    if (cached && t - cached.at < TTL_MS) return cached.origins;
    const loading = services.read(listAllowedOrigins, anonymousRequester(null), undefined).then((list) => new Set(list));
    loading.catch(() => (cached = null));
    cached = { at: t, origins: loading };
    return loading;
  }
  const allows = async (origin: string): Promise<boolean> => (await origins()).has(origin);

  app.addHook('onRequest', async (request, reply) => {
    // The embed's script is loaded by other sites' pages: helmet's same-origin resource policy
    // would stop it there. It holds no data; the API it calls is guarded by the origins list.
    if (request.url.startsWith('/assets/embed-petition.js')) void reply.header('cross-origin-resource-policy', 'cross-origin');
    if (!isOsdiPath(request.url)) return;
    const origin = request.headers.origin;
    if (!origin) return;
    void reply.header('vary', 'Origin');
    if (!(await allows(origin))) {
      // A preflight from an unlisted origin gets no permission: the browser stops there.
      if (request.method === 'OPTIONS') return reply.code(204).send();
      return;
    }
    void reply.header('access-control-allow-origin', origin);
    if (request.method === 'OPTIONS') {
      return reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, OPTIONS')
        .header('access-control-allow-headers', 'content-type')
        .header('access-control-max-age', '600')
        .send();
    }
    return;
  });

  return { invalidate: () => (cached = null), allows };
}
