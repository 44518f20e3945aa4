import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../config.js';
import { AppError } from '../errors.js';
import { serve } from './serve.js';
import { runMigrate, runDemo, runUserCreate, runBackup, runRestore,
  runRotateKeys, runVerifyCards, runRecordBounce } from './commands.js';
import { runImportRoster, type ImportRosterOptions } from './import-roster.js';
import { runResetSecondFactor } from './reset-second-factor.js';
import {
  runCampaignCreate,
  runCampaignSettings,
  runCampaignShow,
  runCardTextAdd,
  runDemoRemove,
  runEmployerAdd,
  runSetupRemove,
  runSetupRename,
  runUnitAdd,
  runWorksitesAdd,
  type SettingsOptions,
  type SetupRowOptions,
} from './campaign-commands.js';

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
  .description('load the demo campaign (or, with --reset, remove and reload it); its story is dated in the last spring before today')
  .option('--reset', 'remove the demo campaign first')
  .option('--remove', 'remove the demo campaign and load nothing (other campaigns are untouched)')
  .option('--date <YYYY-MM-DD>', 'load it as if today were this date (e.g. 2015-06-20 for the seeds’ own dates)')
  .action(async (opts: { reset?: boolean; remove?: boolean; date?: string }) => (opts.remove ? runDemoRemove(loadConfig()) : runDemo(loadConfig(), Boolean(opts.reset), opts.date)));

const settingsOptions = (command: Command): Command =>
  command
    .option('--statement <text>', 'what the public home page says the campaign is for')
    .option('--statement-es <text>', 'the same in Spanish, for visitors who read the site in Spanish')
    .option('--time-zone <zone>', 'the campaign’s time zone (default America/Los_Angeles)')
    .option('--goal <percent>', 'the support goal, 51–100 (default 65)')
    .option('--card-validity-months <n>', 'how long a card counts (default 12)')
    .option('--jurisdiction <perb|nlrb>', 'where the campaign files by default (default perb)')
    .option('--sender-name <name>', 'who the campaign’s mail says it is from')
    .option('--reply-to <email>', 'where replies to the campaign’s mail go');

const campaign = program.command('campaign').description('start a campaign and set it up: employers, schools, units, card text');
settingsOptions(campaign.command('create').description('start a new campaign').requiredOption('--slug <slug>', 'its address, e.g. valley-educators').requiredOption('--name <name>', 'its public name')).action(
  async (opts: SettingsOptions & { slug: string; name: string }) => runCampaignCreate(loadConfig(), opts),
);
settingsOptions(campaign.command('settings').description('change a campaign’s settings').requiredOption('--campaign <slug>', 'the campaign').option('--name <name>', 'its public name')).action(
  async (opts: SettingsOptions & { campaign: string }) => runCampaignSettings(loadConfig(), opts),
);
campaign
  .command('employer')
  .description('add an employer, with its jurisdiction and the email domains it controls')
  .requiredOption('--campaign <slug>', 'the campaign')
  .requiredOption('--name <name>', 'the employer’s name')
  .option('--jurisdiction <perb|nlrb>', 'PERB (California public school employers) or NLRB (default: the campaign’s)')
  .option('--domain <domain...>', 'email domains it controls (mail there is read by the employer)')
  .action(async (opts: { campaign: string; name: string; jurisdiction?: string; domain?: string[] }) => runEmployerAdd(loadConfig(), opts));
campaign
  .command('worksites')
  .description('add schools: --name (one or more) or --file (a line per school: name, city, employer)')
  .requiredOption('--campaign <slug>', 'the campaign')
  .option('--name <name...>', 'school names')
  .option('--city <city>', 'their city')
  .option('--employer <name>', 'their employer (needed when the campaign has several)')
  .option('--file <file>', 'a list or CSV of schools')
  .action(async (opts: { campaign: string; name?: string[]; city?: string; employer?: string; file?: string }) => runWorksitesAdd(loadConfig(), opts));
campaign
  .command('unit')
  .description('add a bargaining unit')
  .requiredOption('--campaign <slug>', 'the campaign')
  .requiredOption('--name <name>', 'e.g. Certificated')
  .option('--description <text>', 'who is in it, as the petition would say')
  .option('--job-title <title...>', 'job titles it includes (a roster import puts new people with them in the unit)')
  .option('--applies-from <YYYY-MM-DD>', 'the day it applies from')
  .action(async (opts: { campaign: string; name: string; description?: string; jobTitle?: string[]; appliesFrom?: string }) => runUnitAdd(loadConfig(), opts));
campaign
  .command('card-text')
  .description('save a new version of the card text in one language')
  .requiredOption('--campaign <slug>', 'the campaign')
  .requiredOption('--language <en|es>', 'its language')
  .requiredOption('--title <title>', 'its title')
  .requiredOption('--body-file <file>', 'a text file with what signers agree to')
  .option('--approve', 'approve it at once (signers read it from now on)')
  .action(async (opts: { campaign: string; language: string; title: string; bodyFile: string; approve?: boolean }) => runCardTextAdd(loadConfig(), opts));
const setupRowOptions = (command: Command): Command =>
  command
    .requiredOption('--campaign <slug>', 'the campaign')
    .option('--employer <name>', 'an employer, by its name')
    .option('--school <name>', 'a school, by its name')
    .option('--unit <name>', 'a bargaining unit, by its name');
setupRowOptions(campaign.command('rename').description('rename an employer, a school or a unit (one of --employer, --school, --unit)'))
  .requiredOption('--to <name>', 'its new name')
  .action(async (opts: SetupRowOptions & { to: string }) => runSetupRename(loadConfig(), opts));
setupRowOptions(campaign.command('remove').description('remove an employer, a school or a unit entered by mistake (refused while people, cards or schools still use it)')).action(
  async (opts: SetupRowOptions) => runSetupRemove(loadConfig(), opts),
);
campaign
  .command('show')
  .description('print a campaign’s set-up')
  .requiredOption('--campaign <slug>', 'the campaign')
  .action(async (opts: { campaign: string }) => runCampaignShow(loadConfig(), opts));

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

user
  .command('reset-second-factor')
  .description('remove an account’s second factors and recovery codes and end its sessions (audited); it sets up a new one at its next sign-in')
  .requiredOption('--email <email>', 'their email address')
  .action(async (opts: { email: string }) => runResetSecondFactor(loadConfig(), opts));

program
  .command('verify-cards')
  .description('recompute the hash of every support card and report any whose content changed (exit code 2 if any)')
  .requiredOption('--campaign <slug>', 'the campaign')
  .action(async (opts: { campaign: string }) => runVerifyCards(loadConfig(), opts.campaign));

program
  .command('mail')
  .description('the campaign mail')
  .command('bounce')
  .description('record a bounce (an RFC 3464 delivery status notification) read from standard input: the address is suppressed from later sends (exit code 2 if it is not one)')
  .action(async () => runRecordBounce(loadConfig()));

program
  .command('backup')
  .description('write a full backup of the database (pg_dump custom format), encrypted with age, mode 0600, audited')
  .requiredOption('--out <file>', 'where to write it')
  .option('--passphrase-file <file>', 'encrypt to the passphrase in this file')
  .option('--recipient <age1…>', 'encrypt to this age public key')
  .action(async (opts: { out: string; passphraseFile?: string; recipient?: string }) => runBackup(loadConfig(), opts.out, opts));

program
  .command('rotate-keys')
  .description('new master key (rewraps the data keys, rewrites no field) and a new data key for new writes; stop the server first')
  .option('--out <file>', 'where to write the new master key when it comes from DATA_KEY')
  .action(async (opts: { out?: string }) => runRotateKeys(loadConfig(), opts));

program
  .command('restore')
  .description('replace the database with a backup made by `unionhall backup` (stop the server first)')
  .argument('<file>', 'the backup file')
  .option('--passphrase-file <file>', 'the passphrase it was encrypted to')
  .option('--identity-file <file>', 'the age identity (AGE-SECRET-KEY-1…) it was encrypted to')
  .action(async (file: string, opts: { passphraseFile?: string; identityFile?: string }) => runRestore(loadConfig(), file, opts));

const importCommand = program.command('import').description('import data from files');
importCommand
  .command('roster')
  .description('import a roster CSV: new people are added, matches (by employee id or email) updated, moves recorded as history')
  .argument('<file>', 'the CSV file (first line: column names)')
  .requiredOption('--campaign <slug>', 'the campaign')
  .option('--map <column=field...>', 'map a column to a roster field (employeeId, givenName, familyName, workEmail, personalEmail, phone, worksite, jobTitle, unit, startDate, ignore)')
  .option('--dry-run', 'show what would change, write nothing')
  .option('--effective <YYYY-MM-DD>', 'the date the changes take effect (default: today)')
  .option('--full', 'the file is the whole roster: report people missing from it as leaving')
  .option('--confirm-leaving', 'with --full: end the employment of the people missing from the file')
  .action(async (file: string, opts: ImportRosterOptions) => runImportRoster(loadConfig(), file, opts));

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
