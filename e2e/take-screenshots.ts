// Writes PNGs of the main pages, with the demo campaign, to docs/screenshots/ (used by README.md).
//
//   npx vite build && npx tsx e2e/take-screenshots.ts
//
// Starts the real server (`unionhall serve`) on a fresh data folder and port 3101, follows the
// first admin's one-time link printed on start, then walks through the app in headless Chromium.
import { Secret, TOTP } from 'otpauth';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { DEMO_ROSTER_EFFECTIVE } from '../src/demo/demo-roster-csv.js';
import { createStoryCalendar } from '../src/demo/story-calendar.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser.js';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'docs', 'screenshots');
const port = Number(process.env.SCREENSHOT_PORT ?? 3101);
const baseUrl = `http://127.0.0.1:${port}`;
const desktop = { width: 1280, height: 860 };
const phone = { width: 390, height: 844 };

function startServer(dataDir: string): { child: ChildProcess; welcomeLink: Promise<string> } {
  const child = spawn(process.execPath, [path.join(root, 'bin', 'unionhall.js'), 'serve'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: baseUrl, LOG_LEVEL: 'warn', SMTP_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const welcomeLink = new Promise<string>((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /(http\S+\/app\/welcome\?token=\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('exit', (code) => reject(new Error(`the server stopped (exit ${code}) before printing a welcome link:\n${output}`)));
  });
  return { child, welcomeLink };
}

async function shot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  // Wait for data to arrive and fonts to settle, so no "Loading…" ends up in the picture.
  await page.waitForLoadState('networkidle');
  await page.locator('.loading').waitFor({ state: 'detached' }).catch(() => undefined);
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
  process.stdout.write(`wrote ${path.relative(root, file)}\n`);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(root, 'dist', 'web', 'index.html'))) throw new Error('Build the organizer app first: npx vite build');
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'uh-shots-'));
  const server = startServer(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
  try {
    const link = await server.welcomeLink;
    const context = await browser.newContext({ baseURL: baseUrl, viewport: desktop, locale: 'en-US', timezoneId: 'America/Los_Angeles' });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();

    await page.goto('/');
    await shot(page, 'home', { fullPage: true });

    await page.goto('/app/signin');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await shot(page, 'sign-in');

    await page.goto(link);
    await page.getByLabel('New password').fill('solidarity forever 2015');
    await page.getByLabel('Confirm password').fill('solidarity forever 2015');
    await shot(page, 'set-password');
    await page.getByRole('button', { name: 'Save password and sign in' }).click();
    // The demo's admin sets up a second factor first (decision 0026): an authenticator app here.
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await page.getByRole('button', { name: 'Show the QR code' }).click();
    await page.getByRole('img', { name: 'QR code for your authenticator app' }).waitFor();
    await shot(page, 'second-factor');
    const secret = (await page.locator('.totp-secret').textContent()) ?? '';
    await page.getByLabel('Code from the app').fill(new TOTP({ secret: Secret.fromBase32(secret) }).generate());
    await page.getByRole('button', { name: 'Confirm the code' }).click();
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await page.waitForURL('**/dashboard');
    await page.getByTestId('eligible').waitFor();
    await shot(page, 'dashboard');

    const menu = page.getByRole('navigation', { name: 'Main' });
    await menu.getByRole('link', { name: 'People' }).click();
    await page.getByRole('table').waitFor();
    await shot(page, 'people');

    // Organizing: one educator's page, the printable wall chart, coverage, and a roster import preview.
    await page.locator('table.data-table tbody th a').nth(2).click();
    await page.getByRole('heading', { name: 'Support assessment' }).waitFor();
    await shot(page, 'person', { fullPage: true });
    await menu.getByRole('link', { name: 'Wall chart' }).click();
    await page.locator('.wall-column').first().waitFor();
    await shot(page, 'wall-chart');
    await menu.getByRole('link', { name: 'Coverage' }).click();
    await page.locator('.section').first().waitFor();
    await shot(page, 'coverage');
    await menu.getByRole('link', { name: 'Import roster' }).click();
    await page.getByLabel('CSV file').setInputFiles(path.join(root, 'demo', 'roster.csv'));
    // The server loaded the demo as of today: its roster export is dated in the story's year.
    await page.getByLabel('Effective date').fill(createStoryCalendar(new Date()).date(DEMO_ROSTER_EFFECTIVE));
    await page.getByRole('button', { name: 'Preview changes' }).click();
    await page.getByRole('heading', { name: /What this import would do/ }).waitFor();
    await shot(page, 'roster-import', { fullPage: true });

    // The evidence locker: the demo's timeline of employer conduct and counsel's memo.
    await menu.getByRole('link', { name: 'Evidence' }).click();
    await page.locator('.evidence-list').waitFor();
    await shot(page, 'evidence');
    await page.getByRole('link', { name: /memo tells principals/ }).click();
    await page.getByRole('heading', { name: 'What was said' }).waitFor();
    await shot(page, 'evidence-incident', { fullPage: true });

    // A committee member, made the way an admin would: an account, then a role with two schools.
    await menu.getByRole('link', { name: 'Accounts' }).click();
    await page.getByLabel('Name').fill('Rosa Delgado');
    await page.getByLabel('Email').fill('rosa.delgado@mail.example');
    await page.getByRole('button', { name: 'Make account and send welcome link' }).click();
    await page.getByText('Account made for Rosa Delgado').waitFor();
    await shot(page, 'accounts');

    await page.getByRole('link', { name: /Members & roles of/ }).click();
    await page.getByLabel('Account').selectOption({ label: 'Rosa Delgado (rosa.delgado@mail.example)' });
    await page.getByRole('button', { name: 'Choose their role' }).click();
    await page.getByLabel('Committee member').check();
    const schools = page.locator('.checkbox-grid input[type=checkbox]');
    await schools.nth(0).check();
    await schools.nth(3).check();
    await shot(page, 'members-edit', { fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: Rosa Delgado').waitFor();
    await shot(page, 'members');

    await menu.getByRole('link', { name: 'Outbox' }).click();
    await page.getByRole('button', { name: 'Your Unionhall account' }).click();
    await page.getByRole('heading', { name: 'Your Unionhall account', level: 2 }).waitFor();
    await shot(page, 'outbox');

    await menu.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('table').waitFor();
    await shot(page, 'audit-log');

    const phoneContext = await browser.newContext({ baseURL: baseUrl, viewport: phone, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'en-US', storageState: await context.storageState() });
    phoneContext.setDefaultTimeout(20_000);
    const phonePage = await phoneContext.newPage();
    await phonePage.goto('/app/');
    await phonePage.getByTestId('eligible').waitFor();
    await shot(phonePage, 'dashboard-phone');
    await phonePage.getByRole('button', { name: 'Menu' }).click();
    await shot(phonePage, 'menu-phone');
    await phonePage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await phonePage.getByRole('table').waitFor();
    await shot(phonePage, 'people-phone');
    await phoneContext.close();
    await context.close();
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
