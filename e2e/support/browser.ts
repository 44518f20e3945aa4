import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { loadConfig, type Config } from '../../src/config.js';
import { createMemberAccount } from '../../src/domain/accounts/create-member-account.js';
import { systemRequester } from '../../src/domain/commands/requester.js';
import { createServices, type Services } from '../../src/domain/create-services.js';
import { buildApp, webDistDir } from '../../src/http/build-app.js';
import { relaxSecondFactorRequirement } from '../../test/support/second-factor-requirement.js';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type BrowserApp = {
  baseUrl: string;
  app: FastifyInstance;
  database: TestDatabase;
  services: Services;
  config: Config;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) with one page; `problems` collects console errors and CSP refusals. */
  newPage: (options?: { viewport?: { width: number; height: number } }) => Promise<{ context: BrowserContext; page: Page; problems: string[] }>;
  /** The same address on this server (one-time links carry the configured PUBLIC_URL). */
  local: (url: string) => string;
  close: () => Promise<void>;
};

export type StartOptions = {
  /** Keep the migration's requirement of a second factor for admins and organizers. */
  secondFactorRequired?: boolean;
  /** Serve at http://localhost:PORT and make that the public URL (WebAuthn's relying party). */
  localhost?: boolean;
};

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Fails loudly when a prerequisite is missing: browser tests never skip. */
function checkPrerequisites(): void {
  if (!existsSync(path.join(webDistDir, 'index.html'))) {
    throw new Error(`The organizer app is not built (${path.join(webDistDir, 'index.html')} is missing). Run \`npx vite build\` first; \`npm test\` does it for you.`);
  }
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is missing at ${CHROMIUM_PATH}. Install Debian's package: apt-get install -y chromium (.ci/run does it).`);
  }
}

/**
 * The real app (real database cloned from the migrated template, real HTTP on a free loopback
 * port) and a headless Debian Chromium driven by playwright-core. Each file starts its own.
 */
export async function startBrowserApp(options: StartOptions = {}): Promise<BrowserApp> {
  checkPrerequisites();
  const database = await createTestDatabase();
  // The migration requires a second factor of admins and organizers; tests about other things sign in with a password alone.
  if (!options.secondFactorRequired) await relaxSecondFactorRequirement(database.db);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'uh-e2e-'));
  // WebAuthn needs a domain, not an IP: passkey tests browse http://localhost:PORT, which is then the public URL (the relying party).
  const port = options.localhost ? await findFreePort() : 0;
  const publicUrl = options.localhost ? { publicUrl: `http://localhost:${port}` } : {};
  const config = loadConfig({}, { dataDir, sessionSecret: 'e2e-secret-e2e-secret-e2e-secret-1234', logLevel: 'silent', loginRateLimitPerMinute: 1000, ...publicUrl });
  const services = createServices({ db: database.db, config });
  const app = await buildApp({ config, db: database.db, services, logger: false });
  let browser: Browser | undefined;
  try {
    await app.listen({ port, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('the server has no TCP address');
    const baseUrl = options.localhost ? `http://localhost:${address.port}` : `http://127.0.0.1:${address.port}`;
    // launch() gives every browser a fresh temporary profile (user-data dir) and removes it on close.
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    const started = browser;
    return {
      baseUrl,
      app,
      database,
      services,
      config,
      browser: started,
      async newPage(options = {}) {
        const context = await started.newContext({ baseURL: baseUrl, viewport: options.viewport ?? { width: 1280, height: 800 }, locale: 'en-US' });
        // Well under the test timeout, so a missing element fails with its own message.
        context.setDefaultTimeout(10_000);
        const page = await context.newPage();
        const problems: string[] = [];
        page.on('console', (message) => {
          // A 401 while finding out whether anyone is signed in is expected; everything else is a problem.
          // Chromium's "Failed to load resource" names no address; the location does, so a failure says which request.
          if (message.type() === 'error' && !message.text().includes('401')) {
            const where = message.location().url;
            problems.push(where ? `${message.text()} ${new URL(where).pathname}` : message.text());
          }
        });
        page.on('pageerror', (error) => problems.push(error.message));
        page.on('response', (response) => {
          if (response.status() === 404) problems.push(`404 ${new URL(response.url()).pathname}`);
        });
        return { context, page, problems };
      },
      local(url: string) {
        const parsed = new URL(url);
        return `${baseUrl}${parsed.pathname}${parsed.search}`;
      },
      async close() {
        await started.close();
        await app.close();
        await database.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await browser?.close();
    await app.close();
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

/** Signs in through the form, as a person would. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/app/');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The organizer the welcome-link tests invite. */
export const NEW_ORGANIZER = { email: 'new.organizer@example.org', name: 'Nia Organizer' } as const;

/** Adds NEW_ORGANIZER to a campaign as the CLI does, and returns their one-time welcome link on this server. */
export async function inviteNewOrganizer(t: Pick<BrowserApp, 'services' | 'config' | 'local'>, slug: string): Promise<string> {
  const { welcomeLink } = await t.services.execute(createMemberAccount, systemRequester('cli'), {
    slug,
    ...NEW_ORGANIZER,
    role: 'organizer',
    worksiteIds: [],
    instanceAdmin: false,
    publicUrl: t.config.publicUrl,
  });
  return t.local(welcomeLink);
}

/** On the welcome (or reset) page: types the password twice and saves it, which signs in. */
export async function choosePassword(page: Page, password: string): Promise<void> {
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Confirm password').fill(password);
  await page.getByRole('button', { name: 'Save password and sign in' }).click();
}
