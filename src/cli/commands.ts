import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { boot } from '../bootstrap.js';
import { linkBaseUrl, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/open-database.js';
import { runMigrations } from '../db/migrate.js';
import { DEMO_ROSTER_EFFECTIVE } from '../demo/demo-roster-csv.js';
import { DEMO_SLUG, loadDemo, removeDemo } from '../demo/load-demo.js';
import { createMemberAccount } from '../domain/accounts/create-member-account.js';
import { findCampaignWorksites } from '../domain/accounts/find-campaign-worksites.js';
import { listMembersByWorksiteName } from '../domain/accounts/list-members-by-worksite-name.js';
import { restoreMembers } from '../domain/accounts/restore-members.js';
import { isDay } from '../domain/calendar.js';
import { systemRequester } from '../domain/commands/requester.js';
import { AppError } from '../errors.js';
import { createProgress } from '../support/progress.js';
import { verifyCampaignCards } from './verify-cards.js';

const say = (m: string): void => void process.stderr.write(`${m}\n`);

export async function runMigrate(config: Config): Promise<void> {
  const database = await openDatabase(config, say);
  try {
    await runMigrations(database.connection);
    say('Migrations applied.');
  } finally {
    await database.close();
  }
}

/**
 * `date` (YYYY-MM-DD, default today) is the day the demo is loaded as of: its story is moved to
 * the latest spring that is over by then (see src/demo/story-calendar.ts).
 */
export async function runDemo(config: Config, reset: boolean, date?: string): Promise<void> {
  if (date !== undefined && !isDay(date)) throw new AppError('validation_failed', `--date must be a date as YYYY-MM-DD, not "${date.slice(0, 40)}".`);
  const runtime = await boot(config, { demo: false });
  try {
    const { services } = runtime;
    const cli = systemRequester('cli');
    // Who may use the demo survives a reset (the first admin would otherwise lose it); committee
    // members keep their schools, found again by name.
    const kept = await services.read(listMembersByWorksiteName, cli, { slug: DEMO_SLUG });
    if (kept && !reset) {
      say(`The demo campaign "${DEMO_SLUG}" is already loaded. Use --reset to remove and reload it.`);
      return;
    }
    if (kept) {
      await removeDemo(runtime.database.db);
      say('Removed the demo campaign.');
    }
    // Noon in Los Angeles, the demo's time zone, on the given day.
    const now = date === undefined ? services.now() : new Date(`${date}T19:00:00Z`);
    const context = await loadDemo(runtime.database.db, createProgress, { now });
    const restored = kept && kept.length > 0 ? await services.execute(restoreMembers, cli, { slug: DEMO_SLUG, members: kept }) : 0;
    if (restored > 0) say(`Kept ${restored} member${restored === 1 ? '' : 's'} of the demo campaign.`);
    say(`Loaded the demo campaign "${DEMO_SLUG}": ${context.worksites.length} schools, ${context.educators.length} educators in the unit.`);
    say(`Its story is dated February–June ${context.calendar.year}; demo/roster.csv is the roster as of ${context.calendar.date(DEMO_ROSTER_EFFECTIVE)} (--effective ${context.calendar.date(DEMO_ROSTER_EFFECTIVE)}).`);
  } finally {
    await runtime.close();
  }
}

export async function runUserCreate(
  config: Config,
  opts: { email: string; name?: string; role: 'admin' | 'organizer' | 'committee' | 'viewer'; campaign?: string; worksite?: string[]; instanceAdmin?: boolean },
): Promise<void> {
  const runtime = await boot(config);
  try {
    const { services } = runtime;
    const cli = systemRequester('cli');
    const campaign = await services.read(findCampaignWorksites, cli, { slug: opts.campaign });
    const worksiteIds = (opts.worksite ?? []).map((name) => {
      const site = campaign.worksites.find((s) => s.name.toLowerCase() === name.toLowerCase());
      if (!site) throw new AppError('validation_failed', `No worksite named "${name}" in ${campaign.slug}. Known: ${campaign.worksites.map((s) => s.name).join(', ')}`);
      return site.id;
    });
    if (opts.role === 'committee' && worksiteIds.length === 0) throw new AppError('validation_failed', 'A committee member needs --worksite (one or more).');
    const email = opts.email.trim().toLowerCase();
    const { welcomeLink } = await services.execute(createMemberAccount, cli, {
      slug: campaign.slug,
      email,
      name: opts.name ?? email.split('@')[0] ?? email,
      role: opts.role,
      worksiteIds: opts.role === 'committee' ? worksiteIds : [],
      instanceAdmin: Boolean(opts.instanceAdmin),
      publicUrl: linkBaseUrl(config),
    });
    process.stdout.write(`Created ${email} (${opts.role} in ${campaign.slug}). One-time sign-in link, valid 72 hours:\n${welcomeLink}\n`);
  } finally {
    await runtime.close();
  }
}

export async function runVerifyCards(config: Config, slug: string): Promise<void> {
  const runtime = await boot(config, { demo: false });
  try {
    process.exitCode = await verifyCampaignCards(runtime.services, slug, (line) => process.stdout.write(`${line}\n`));
  } finally {
    await runtime.close();
  }
}

// pg_dump/pg_restore take the same connection as the app: the private socket for the embedded
// server, or DATABASE_URL. The password goes through the environment, never the command line.
function clientArgs(connection: Database['connection']): { args: string[]; env: NodeJS.ProcessEnv } {
  if (connection.connectionString) return { args: ['--dbname', connection.connectionString], env: {} };
  return {
    args: ['--host', String(connection.host), '--port', String(connection.port), '--username', String(connection.user), '--dbname', String(connection.database)],
    env: { PGPASSWORD: String(connection.password) },
  };
}

function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    // The tools need PATH, HOME and locale from the environment, plus the password we add.
    // eslint-disable-next-line no-restricted-properties
    const child = spawn(tool, args, { stdio: ['ignore', 'inherit', 'pipe'], env: { ...process.env, ...env } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'ENOENT' ? new Error(`${tool} was not found. Install the PostgreSQL client tools (Debian: apt-get install postgresql-client).`) : err),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim().slice(-1500)}`))));
  });
}

export async function runBackup(config: Config, out: string): Promise<void> {
  const database = await openDatabase(config, say);
  try {
    const { args, env } = clientArgs(database.connection);
    const file = path.resolve(out);
    say(`Backing up to ${file}…`);
    await runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', '--file', file, ...args], env);
    say(`Backup written: ${file} (${statSync(file).size.toLocaleString('en-US')} bytes).`);
  } finally {
    await database.close();
  }
}

export async function runRestore(config: Config, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!existsSync(source)) throw new AppError('not_found', `No such file: ${source}`);
  const database = await openDatabase(config, say);
  try {
    if (database.embedded?.sharedWith) {
      // Replacing every table under a running server would pull data out from under its requests.
      throw new AppError('conflict', `Unionhall is running on this data folder (process ${database.embedded.sharedWith}). Stop it first, then restore.`);
    }
    const { args, env } = clientArgs(database.connection);
    say(`Restoring ${source}; this replaces everything in the database…`);
    // One transaction: a restore that fails halfway leaves the database as it was.
    await runTool('pg_restore', ['--clean', '--if-exists', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', ...args, source], env);
    say('Restore complete.');
  } finally {
    await database.close();
  }
}
