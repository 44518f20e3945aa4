import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from './support/browser.js';

// The API reference (issue 14): swagger-ui at /api/docs, read from the OpenAPI document, lists
// the OSDI operations beside the organizer API's. The page opens on the list of sections (tags);
// with every operation expanded at once (`docExpansion: 'list'`, 178 operations, a 560 kB
// document) swagger-ui had painted 6 of them after a minute here, so OSDI never showed.

let t: BrowserApp;

beforeAll(async () => {
  t = await startBrowserApp();
});
afterAll(async () => {
  await t?.close();
});

describe('the API reference', () => {
  it('lists every section, opens the OSDI one on a click, with nothing refused by the page’s security policy', { timeout: 90_000 }, async () => {
    const { context, page, problems } = await t.newPage();
    try {
      await page.goto(`${t.baseUrl}/api/docs`);
      const osdi = page.locator('.opblock-tag[data-tag="osdi"]');
      await osdi.waitFor({ timeout: 30_000 });
      expect(await page.locator('.opblock-tag[data-tag="integrations"]').count()).toBe(1);
      await osdi.click();
      for (const path of ['/api/v1/events/{id}/record_attendance_helper', '/api/v1/petitions/{id}/record_signature_helper', '/api/v1/messages']) {
        await page.locator(`.opblock-summary-path[data-path="${path}"]`).first().waitFor({ timeout: 30_000 });
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
