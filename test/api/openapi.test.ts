import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('OpenAPI document', () => {
  it('describes the API routes with their request schemas', async () => {
    const res = await t.agent().get('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json() as { openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/healthz', '/api/auth/login', '/api/campaigns/{slug}/people']));
    expect(doc.paths['/api/auth/login']?.post?.requestBody).toBeDefined();
    // Public HTML pages are not part of the API.
    expect(Object.keys(doc.paths)).not.toContain('/');
  });
});
