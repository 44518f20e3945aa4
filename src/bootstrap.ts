import type { Config } from './config.js';
import { openDatabase, type Database } from './db/open-database.js';
import { runMigrations } from './db/migrate.js';
import { memberships } from './db/schema/index.js';
import { createServices, type Services } from './domain/create-services.js';
import { DEMO_SLUG, hasDemo, loadDemo } from './demo/load-demo.js';
import { createProgress } from './support/progress.js';
import './demo/demo-steps.js';

export type Runtime = { config: Config; database: Database; services: Services; close: () => Promise<void> };

export type BootOptions = { migrate?: boolean; demo?: boolean; log?: (message: string) => void };

// Opens the database, applies migrations, and on an empty database loads the demo campaign and
// makes the first admin. Shared by `serve` and the CLI commands.
export async function boot(config: Config, options: BootOptions = {}): Promise<Runtime> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const database = await openDatabase(config, log);
  try {
    if (options.migrate !== false) await runMigrations(database.connection);
    const services = createServices({ db: database.db, config });
    if (options.demo !== false && (await services.repositories.campaigns.count()) === 0 && !(await hasDemo(database.db))) {
      log('Empty database: loading the demo campaign…');
      await loadDemo(database.db, createProgress, { now: services.now() });
    }
    const close = async (): Promise<void> => {
      services.mailer.close();
      await database.close();
    };
    return { config, database, services, close };
  } catch (err) {
    await database.close();
    throw err;
  }
}

export const FIRST_ADMIN_EMAIL = 'admin@unionhall.localhost';

/**
 * The first start makes an admin and returns a one-time sign-in link for the console. Until that
 * admin has chosen a password, every start prints a fresh link (the old one may be lost).
 */
export async function ensureFirstAdmin(runtime: Runtime): Promise<string | null> {
  const { services, database } = runtime;
  const existing = await services.repositories.accounts.findByEmail(FIRST_ADMIN_EMAIL);
  if (existing) return existing.passwordHash ? null : services.accounts.issueWelcomeLink(existing);
  if ((await services.repositories.accounts.count()) > 0) return null;
  const { account, welcomeLink } = await services.accounts.createAccount({ email: FIRST_ADMIN_EMAIL, name: 'Campaign Admin', instanceAdmin: true });
  const demo = await services.repositories.campaigns.findBySlug(DEMO_SLUG);
  if (demo) {
    await database.db.insert(memberships).values({ accountId: account.id, campaignId: demo.id, role: 'admin' }).onConflictDoNothing();
  }
  await services.repositories.audit.append({ actorAccountId: null, actorEmail: 'system', campaignId: null, action: 'account.created', subjectType: 'account', subjectId: account.id, details: { email: account.email, firstRun: true } });
  return welcomeLink;
}
