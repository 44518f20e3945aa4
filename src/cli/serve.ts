import type { Config } from '../config.js';
import { boot, ensureFirstAdmin } from '../bootstrap.js';
import { buildApp } from '../http/build-app.js';
import { startPublicNumbersSchedule } from '../domain/public-numbers/start-public-numbers-schedule.js';
import { startMailRetries } from '../mail/start-mail-retries.js';

export async function serve(config: Config, options: { migrate: boolean }): Promise<void> {
  const runtime = await boot(config, { migrate: options.migrate });
  const app = await buildApp({ config, db: runtime.database.db, services: runtime.services });
  let stopRetries: (() => Promise<void>) | null = null;
  let stopPublishing: (() => Promise<void>) | null = null;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal}: stopping Unionhall…\n`);
    // Order matters: stop taking requests, finish the ones in flight, then close the database.
    await app.close().catch(() => undefined);
    await stopRetries?.().catch(() => undefined);
    await stopPublishing?.().catch(() => undefined);
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await runtime.close();
    throw err;
  }
  // Mail a crash left unsent, or a mail server refused for now, is sent again (with SMTP only).
  stopRetries = startMailRetries(runtime.services.mailer, { everyMs: 60_000, onError: (err) => app.log.error({ err }, 'mail retry sweep failed') });
  // Campaigns that publish their public numbers automatically get one publication a day.
  stopPublishing = startPublicNumbersSchedule(runtime.services, {
    everyMs: 15 * 60_000,
    onPublished: (slugs) => app.log.info({ campaigns: slugs }, 'public numbers published'),
    onError: (err) => app.log.error({ err }, 'public numbers publication failed'),
  });
  const link = await ensureFirstAdmin(runtime);
  const db = runtime.database.embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL at DATABASE_URL';
  const lines = [
    '',
    `  Unionhall ${config.version} is running at ${config.publicUrl}`,
    `  Organizer app: ${config.publicUrl}/app/`,
    `  Database: ${db}`,
  ];
  if (link) {
    lines.push('', '  Sign in as the first admin (one-time link, valid 72 hours; choose your password there):', `  ${link}`);
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}
