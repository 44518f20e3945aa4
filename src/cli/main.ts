import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { serve } from './serve.js';
import { runMigrate, runDemo, runUserCreate, runBackup, runRestore, runVerifyCards } from './commands.js';

const program = new Command();
program.name('unionhall').description('Run a workplace union organizing campaign.').showHelpAfterError();

program
  .command('serve', { isDefault: true })
  .description('start the web server (and, without DATABASE_URL, the embedded PostgreSQL)')
  .option('--no-migrate', 'do not apply database migrations on start')
  .action(async (opts: { migrate: boolean }) => serve(loadConfig(), { migrate: opts.migrate }));

program.command('migrate').description('apply database migrations and exit').action(async () => runMigrate(loadConfig()));

program
  .command('demo')
  .description('load the demo campaign (or, with --reset, remove and reload it)')
  .option('--reset', 'remove the demo campaign first')
  .action(async (opts: { reset?: boolean }) => runDemo(loadConfig(), Boolean(opts.reset)));

const user = program.command('user').description('manage organizer accounts');
user
  .command('create')
  .description('create an account and print its one-time sign-in link')
  .requiredOption('--email <email>', 'their email address')
  .option('--name <name>', 'their name')
  .addOption(new Option('--role <role>', 'their role in the campaign').choices(['admin', 'organizer', 'committee', 'viewer']).makeOptionMandatory())
  .option('--campaign <slug>', 'the campaign (default: the default campaign)')
  .option('--worksite <name...>', 'for committee members: the worksites they organize')
  .option('--instance-admin', 'may also manage accounts and every campaign setting')
  .action(async (opts: { email: string; name?: string; role: 'admin' | 'organizer' | 'committee' | 'viewer'; campaign?: string; worksite?: string[]; instanceAdmin?: boolean }) =>
    runUserCreate(loadConfig(), opts),
  );

program
  .command('verify-cards')
  .description('recompute the hash of every support card and report any whose content changed (exit code 2 if any)')
  .requiredOption('--campaign <slug>', 'the campaign')
  .action(async (opts: { campaign: string }) => runVerifyCards(loadConfig(), opts.campaign));

program
  .command('backup')
  .description('write a full backup of the database (pg_dump custom format)')
  .requiredOption('--out <file>', 'where to write it')
  .action(async (opts: { out: string }) => runBackup(loadConfig(), opts.out));

program
  .command('restore')
  .description('replace the database with a backup made by `unionhall backup` (stop the server first)')
  .argument('<file>', 'the backup file')
  .action(async (file: string) => runRestore(loadConfig(), file));

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof ConfigError || err instanceof AppError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    process.stderr.write(`unionhall: ${err instanceof Error ? err.message : String(err)}\n`);
  }
  process.exit(1);
}
