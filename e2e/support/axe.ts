import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: { target: string[]; failureSummary?: string }[] };

/** WCAG 2.0/2.1/2.2 A and AA rules, plus axe's best practices. */
const runOptions = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } };

/**
 * Runs axe-core in the page (which must allow scripts: use a context with `bypassCSP: true`, since
 * the CSP refuses injected scripts) and returns its violations, readable in a failure message.
 */
export async function runAxe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (options) => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, options)).violations;
  }, runOptions);
  return violations.map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * axe cannot run where JavaScript is off, so the page is loaded in a JavaScript-off context (what
 * a reader without JavaScript gets), and that exact DOM is then served to a JavaScript-on page at
 * the same address (same stylesheet, same origin) for axe to check.
 */
export async function runAxeWithJavaScriptOff(browser: Browser, baseUrl: string, path: string, headers: Record<string, string>): Promise<{ violations: string[]; html: string }> {
  const off = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false, extraHTTPHeaders: headers });
  let html: string;
  try {
    const page = await off.newPage();
    const response = await page.goto(path);
    if (!response || response.status() !== 200) throw new Error(`${path} answered ${response?.status()}`);
    html = await page.content();
  } finally {
    await off.close();
  }
  const on = await browser.newContext({ baseURL: baseUrl, bypassCSP: true });
  try {
    const page = await on.newPage();
    await page.route(`${baseUrl}${path}`, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(path);
    return { violations: await runAxe(page), html };
  } finally {
    await on.close();
  }
}
