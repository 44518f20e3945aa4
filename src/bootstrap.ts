import type { Config } from './config.js';
import { openDatabase, type Database } from './db/open-database.js';
import { applyMigrations, withStartupLock } from './db/migrate.js';
import { createPgNotifications } from './db/notifications.js';
import { ensureFirstAdmin as makeFirstAdmin } from './domain/accounts/ensure-first-admin.js';
import { keyPersonLinks } from './domain/admin/key-person-links.js';
import { sealCardNotes } from './domain/admin/seal-card-notes.js';
import { systemRequester } from './domain/commands/requester.js';
import { createServices, type Services } from './domain/create-services.js';
import { DEMO_SLUG, hasDemo, loadDemo } from './demo/load-demo.js';
import { createProgress } from './support/progress.js';
import './demo/demo-steps.js';

export type Runtime = {
  config: Config;
  database: Database;
  services: Services;
  /** Runs start-up work that must happen once per database (the first admin) while holding the start-up lock. */
  whileStarting: <T>(work: () => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

export type BootOptions = {
  migrate?: boolean;
  demo?: boolean;
  log?: (message: string) => void;
  /** `serve`: statements get the configured time limits (a CLI command's do not). */
  serving?: boolean;
};

// Opens the database, applies migrations, and on an empty database loads the demo campaign and
// makes the first admin. Shared by `serve` and the CLI commands.
export async function boot(config: Config, options: BootOptions = {}): Promise<Runtime> {
  const log = options.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  const database = await openDatabase(config, log, { serving: options.serving });
  try {
    const services = createServices({ db: database.db, config, notifications: createPgNotifications(database.connection, database.pool, log) });
    // Under one advisory lock: two processes starting together on an empty database take turns,
    // so the second finds the schema migrated and the demo loaded instead of loading it again.
    if (options.migrate !== false || options.demo !== false) {
      await withStartupLock(database.connection, async (client) => {
        if (options.migrate !== false) await applyMigrations(client);
        let demoLoaded = false;
        if (options.demo !== false && (await services.repositories.campaigns.count()) === 0 && !(await hasDemo(database.db))) {
          log('Empty database: loading the demo campaign…');
          await loadDemo(database.db, createProgress, { now: services.now() });
          demoLoaded = true;
        }
        // Links to roster people written in clear (before decision 0028, or by the demo) are
        // keyed now that the key is at hand; nothing to do on every later start.
        let keyed = 0;
        for (;;) {
          const batch = await services.execute(keyPersonLinks, systemRequester('system'), {});
          if (batch.keyed === 0) break;
          keyed += batch.keyed;
        }
        // The demo's own links are keyed silently; an upgraded database says what happened.
        if (keyed > 0 && !demoLoaded) log(`Keyed the links of ${keyed} card, verification and rating rows to their roster people (decision 0028).`);
        // Notes on cards, answer addresses and card audit details written in clear (before
        // decision 0046, or by the demo) are sealed the same way.
        let sealed = 0;
        for (;;) {
          const batch = await services.execute(sealCardNotes, systemRequester('system'), {});
          if (batch.notes + batch.auditRows === 0) break;
          sealed += batch.notes + batch.auditRows;
        }
        if (sealed > 0 && !demoLoaded) log(`Sealed ${sealed} card notes, answer addresses and card audit rows written in clear (decision 0046).`);
      });
    }
    const close = async (): Promise<void> => {
      services.mailer.close();
      await services.notifications.close();
      await database.close();
    };
    const whileStarting = <T,>(work: () => Promise<T>): Promise<T> => withStartupLock(database.connection, () => work());
    return { config, database, services, whileStarting, close };
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
