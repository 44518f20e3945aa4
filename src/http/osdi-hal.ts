import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import { AppError } from '../errors.js';

// What every OSDI route file shares (decision 0029): the media type, the curies, the key header,
// paging links, the body parser and the per-key rate limit.

export const HAL = 'application/hal+json; charset=utf-8';
export const CURIES = [{ name: 'osdi', href: 'https://opensupporter.github.io/osdi-docs/{rel}', templated: true }];
// Action Network's answer to every unauthenticated helper post, new, duplicate or held alike: bytes made once.
export const EMPTY_ANSWER = Buffer.from('{}');

export const tokenOf = (request: FastifyRequest): string | undefined => {
  const value = request.headers['osdi-api-token'];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The links of a page: self, next and previous, with the client's per_page and filter kept. */
export function pageLinks(base: string, query: { page: number; per_page: number; filter?: string | undefined }, totalPages: number) {
  const href = (page: number) => {
    const params = new URLSearchParams({ page: String(page), per_page: String(query.per_page) });
    if (query.filter) params.set('filter', query.filter);
    return { href: `${base}?${params.toString()}` };
  };
  return {
    self: href(query.page),
    ...(query.page < totalPages ? { next: href(query.page + 1) } : {}),
    ...(query.page > 1 ? { previous: href(Math.min(query.page - 1, totalPages)) } : {}),
    curies: CURIES,
  };
}

/** The spec asks servers to accept requests whatever their content type says: a body is JSON. */
export function acceptJsonBodies(scoped: FastifyInstance): void {
  scoped.removeAllContentTypeParsers();
  scoped.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text) as unknown);
    } catch {
      done(new AppError('invalid_json', 'The request body is not valid JSON.'), undefined);
    }
  });
}

/**
 * Keyed calls are limited per key, and only they are told their limit: an unauthenticated
 * helper's headers would tell a school's network how many colleagues just signed.
 */
export function keyedRateLimit(config: Config) {
  return {
    rateLimit: {
      max: config.apiKeyRateLimitPerMinute,
      timeWindow: '1 minute',
      allowList: (request: FastifyRequest) => tokenOf(request) === undefined,
      keyGenerator: (request: FastifyRequest) => `osdi-key:${createHash('sha256').update(tokenOf(request) ?? '').digest('base64url')}`,
      addHeaders: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true, 'retry-after': true },
      addHeadersOnExceeding: { 'x-ratelimit-limit': true, 'x-ratelimit-remaining': true, 'x-ratelimit-reset': true },
    },
  } as const;
}
