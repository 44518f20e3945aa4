import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Operation = { operationId?: string; requestBody?: unknown; responses?: Record<string, unknown>; security?: unknown[] };
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components?: { securitySchemes?: Record<string, unknown> } };

// Operations still in the old shape (no contract yet). Each capability leaves this list as it moves
// to contracts; the list must end empty.
const LEGACY_PATH_PREFIXES: string[] = [];

// Capabilities on contracts, even under a legacy prefix.
const CONTRACTED = [
  '/api/campaigns/{slug}/cards',
  '/api/campaigns/{slug}/card-texts',
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

  it('documents the roster, majority and campaign operations with their responses, in camelCase', () => {
    const expected: [string, string, string][] = [
      ['/api/campaigns/{slug}', 'get', 'viewCampaign'],
      ['/api/campaigns/{slug}/people', 'get', 'listRoster'],
      ['/api/campaigns/{slug}/people/export.csv', 'get', 'exportRoster'],
      ['/api/campaigns/{slug}/members', 'get', 'listMembers'],
      ['/api/campaigns/{slug}/members/{accountId}', 'put', 'setMembership'],
      ['/api/campaigns/{slug}/audit', 'get', 'listCampaignAuditEvents'],
      ['/api/campaigns/{slug}/majority', 'get', 'viewMajority'],
      ['/api/campaigns/{slug}/dashboard', 'get', 'viewDashboard'],
      ['/api/campaigns/{slug}/growth', 'get', 'viewGrowth'],
      ['/api/campaigns/{slug}/roster/imports/dry-run', 'post', 'previewRosterImport'],
      ['/api/campaigns/{slug}/roster/imports', 'post', 'importRoster'],
      ['/api/campaigns/{slug}/roster/imports', 'get', 'listRosterImports'],
      ['/api/campaigns/{slug}/roster/imports/{importId}', 'get', 'viewRosterImport'],
      ['/api/campaigns/{slug}/roster/imports/{importId}/undo', 'post', 'undoImport'],
      ['/api/campaigns/{slug}/roster/mapping', 'get', 'viewRosterMapping'],
      ['/api/campaigns/{slug}/roster/mapping', 'put', 'saveRosterMapping'],
    ];
    for (const [path, method, operationId] of expected) {
      const op = doc.paths[path]?.[method];
      expect(op?.operationId, `${method} ${path}`).toBe(operationId);
      expect(op?.security, `${method} ${path}`).toEqual([{ session: [] }]);
      expect(Object.keys(op?.responses ?? {}).some((s) => /^2\d\d$/.test(s)), `${method} ${path}`).toBe(true);
    }
    const majority = JSON.stringify(doc.paths['/api/campaigns/{slug}/majority']?.get);
    expect(majority).toContain('showingOfInterest');
    expect(majority).toContain('asOf');
    expect(majority).not.toMatch(/valid_cards|as_of|unit_id/);
    expect(JSON.stringify(doc.paths['/api/campaigns/{slug}/roster/imports']?.post)).toContain('effectiveDate');
  });
});
