import type { Config } from './config.js';
import { openDatabase, type Database } from './db/open-database.js';
import { runMigrations } from './db/migrate.js';
import { ensureFirstAdmin as makeFirstAdmin } from './domain/accounts/ensure-first-admin.js';
import { systemRequester } from './domain/commands/requester.js';
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
  const { services, config } = runtime;
  return services.execute(makeFirstAdmin, systemRequester('system'), { email: FIRST_ADMIN_EMAIL, demoSlug: DEMO_SLUG, publicUrl: config.publicUrl });
}
