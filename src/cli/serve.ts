import { mkdirSync, writeFileSync } from 'node:fs';
import { serverUrlFile, type Config } from '../config.js';
import { boot, ensureFirstAdmin } from '../bootstrap.js';
import { isDatabaseUnavailable } from '../db/database-errors.js';
import { dumpDatabase } from '../db/dump-database.js';
import { buildApp } from '../http/build-app.js';
import { startOutreachSchedule } from '../domain/public-site/start-outreach-schedule.js';
import { startPublicNumbersSchedule } from '../domain/public-numbers/start-public-numbers-schedule.js';
import { startMailRetries } from '../mail/start-mail-retries.js';

// Rate windows and used proofs of work that ended are deleted this often (by every process; the
// delete is cheap and idempotent).
const SWEEP_EVERY_MS = 5 * 60_000;

export async function serve(config: Config, options: { migrate: boolean }): Promise<void> {
  const runtime = await boot(config, { migrate: options.migrate, serving: true });
  let draining = false;
  const embedded = runtime.database.embedded;
  const app = await buildApp({
    config,
    db: runtime.database.db,
    services: runtime.services,
    lifecycle: { draining: () => draining },
    databaseRestarts: embedded ? () => embedded.restarts() : undefined,
    dumpDatabase: () => dumpDatabase(runtime.database.connection),
  });
  let stopRetries: (() => Promise<void>) | null = null;
  let sweeper: NodeJS.Timeout | null = null;
  let stopPublishing: (() => Promise<void>) | null = null;
  let stopOutreach: (() => Promise<void>) | null = null;
  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    draining = true;
    process.stderr.write(`\n${signal}: stopping Unionhall…\n`);
    // Whatever happens below, the process ends within the configured time (plus PostgreSQL's own
    // shutdown): a request that hangs must not keep a deploy waiting for ever.
    const deadline = setTimeout(() => {
      process.stderr.write(`Requests still running after ${config.shutdownTimeoutMs} ms; stopping anyway.\n`);
      void runtime.close().finally(() => process.exit(1));
    }, config.shutdownTimeoutMs);
    deadline.unref();
    if (sweeper) clearInterval(sweeper);
    // Order matters: stop taking requests and finish the ones in flight (Fastify answers 503 to
    // new requests on open connections meanwhile), let the outbox finish the sends it claimed,
    // then close the database.
    await app.close().catch(() => undefined);
    await stopRetries?.().catch(() => undefined);
    await stopPublishing?.().catch(() => undefined);
    await stopOutreach?.().catch(() => undefined);
    await runtime.services.mailer.drain().catch(() => undefined);
    await runtime.services.webhooks.idle().catch(() => undefined);
    await runtime.close();
    clearTimeout(deadline);
    process.exit(0);
  };
  // A promise that lost its database with nobody awaiting it (a background refresh, a notify)
  // must not end the process: the database comes back. Anything else is a bug, and still fatal.
  process.on('unhandledRejection', (reason) => {
    if (isDatabaseUnavailable(reason)) {
      app.log.warn({ err: reason }, 'a background task lost the database');
      return;
    }
    app.log.fatal({ err: reason }, 'unhandled rejection');
    process.exit(1);
  });
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    await runtime.close();
    throw err;
  }
  // CLI commands run beside the server print links to where it really is (linkBaseUrl). Best
  // effort: a read-only data folder only means the CLI falls back to PUBLIC_URL or port 3000.
  try {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(serverUrlFile(config), `${config.publicUrl}\n`);
  } catch (err) {
    app.log.warn({ err }, 'could not write DATA_DIR/server-url');
  }
  // Mail a crash left unsent, or a mail server refused for now, is sent again (with SMTP only).
  stopRetries = startMailRetries(runtime.services.mailer, { everyMs: 60_000, onError: (err) => app.log.error({ err }, 'mail retry sweep failed') });
  sweeper = setInterval(() => void runtime.services.sweepExpired().catch(() => undefined), SWEEP_EVERY_MS);
  // Webhook deliveries whose back-off is over, and any a crash left claimed (decision 0032).
  runtime.services.webhooks.kick();
  setInterval(() => runtime.services.webhooks.kick(), 30_000).unref();
  sweeper.unref();
  // Campaigns that publish their public numbers automatically get one publication a day.
  stopPublishing = startPublicNumbersSchedule(runtime.services, {
    everyMs: 15 * 60_000,
    onPublished: (slugs) => app.log.info({ campaigns: slugs }, 'public numbers published'),
    onError: (err) => app.log.error({ err }, 'public numbers publication failed'),
  });
  // Newsletters scheduled to be emailed go out within a minute of their time; event reminders the day before.
  stopOutreach = startOutreachSchedule(runtime.services, {
    everyMs: 60_000,
    publicUrl: config.publicUrl,
    secret: config.sessionSecret,
    onSent: (sent) => app.log.info(sent, 'scheduled outreach sent'),
    onError: (err) => app.log.error({ err }, 'scheduled outreach failed'),
  });
  // Under the start-up lock: two processes starting together make one first admin, not two.
  const link = await runtime.whileStarting(() => ensureFirstAdmin(runtime)).catch((err: unknown) => {
    app.log.error({ err }, 'could not make the first admin now (it is tried again at the next start)');
    return null;
  });
  const db = embedded ? `embedded PostgreSQL in ${config.dataDir}` : 'PostgreSQL at DATABASE_URL';
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
