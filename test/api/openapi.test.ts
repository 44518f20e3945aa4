import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Operation = { operationId?: string; requestBody?: unknown; responses?: Record<string, unknown>; security?: unknown[] };
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components?: { securitySchemes?: Record<string, unknown> } };

// Operations still in the old shape (no contract yet). Each capability leaves this list as it moves
// to contracts; the list must end empty.
const LEGACY_PATH_PREFIXES: string[] = [
  '/api/me',
  '/api/campaigns/{slug}',
  '/api/campaigns/{slug}/audit',
  '/api/campaigns/{slug}/dashboard',
  '/api/campaigns/{slug}/growth',
  '/api/campaigns/{slug}/majority',
  '/api/campaigns/{slug}/members',
  '/api/campaigns/{slug}/people',
  '/api/campaigns/{slug}/roster',
];

// Capabilities on contracts, even under a legacy prefix.
const CONTRACTED = [
  '/api/campaigns/{slug}/cards',
  '/api/campaigns/{slug}/card-texts',
  // People and organizing (POST /people shares its path with the roster list, still legacy).
  '/api/campaigns/{slug}/people/{personId}',
  '/api/campaigns/{slug}/assessments',
  '/api/campaigns/{slug}/wall-chart',
  '/api/campaigns/{slug}/conversation-issues',
  '/api/campaigns/{slug}/tasks',
  '/api/me/tasks',
  '/api/campaigns/{slug}/committee-lists',
  '/api/campaigns/{slug}/committee-members',
  '/api/campaigns/{slug}/coverage',
];

let t: TestApp;
let doc: Doc;
beforeAll(async () => {
  t = await createTestApp();
  const res = await t.agent().get('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  doc = res.json() as Doc;
});
afterAll(async () => t.close());

function operations(): { path: string; method: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method, op })));
}

describe('OpenAPI document', () => {
  it('describes the API routes with their request schemas', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/api/auth/login', '/api/campaigns/{slug}/people', '/api/campaigns/{slug}/cards']));
    expect(doc.paths['/api/auth/login']?.post?.requestBody).toBeDefined();
    // Public HTML pages are not part of the API.
    expect(Object.keys(doc.paths)).not.toContain('/');
  });

  it('gives every operation an operationId, a documented 2xx response and its security', () => {
    const missing: string[] = [];
    const ids = new Map<string, string>();
    for (const { path, method, op } of operations()) {
      if (LEGACY_PATH_PREFIXES.some((p) => path === p || (path.startsWith(`${p}/`) && !CONTRACTED.some((c) => path.startsWith(c))))) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!op.operationId) missing.push(`${where}: no operationId`);
      else if (ids.has(op.operationId)) missing.push(`${where}: operationId ${op.operationId} also used by ${ids.get(op.operationId)}`);
      else ids.set(op.operationId, where);
      if (!Object.keys(op.responses ?? {}).some((status) => /^2\d\d$/.test(status))) missing.push(`${where}: no 2xx response`);
      if (!Array.isArray(op.security)) missing.push(`${where}: no security`);
    }
    expect(missing).toEqual([]);
    expect(ids.size).toBeGreaterThan(0);
    expect(doc.components?.securitySchemes?.session).toBeDefined();
  });

  it('documents the card operations with their responses', () => {
    const list = doc.paths['/api/campaigns/{slug}/cards']?.get;
    expect(list?.operationId).toBe('listCards');
    expect(list?.security).toEqual([{ session: [] }]);
    expect(JSON.stringify(list?.responses?.['200'])).toContain('expiresOn');
  });
});
