import { readFileSync } from 'node:fs';
import path from 'node:path';
import { boot } from '../bootstrap.js';
import type { Config } from '../config.js';
import { addBargainingUnit } from '../domain/campaigns/add-bargaining-unit.js';
import { addEmployer } from '../domain/campaigns/add-employer.js';
import { addWorksites } from '../domain/campaigns/add-worksites.js';
import type { CampaignSettingsInput } from '../domain/campaigns/campaign-settings.js';
import { createCampaign } from '../domain/campaigns/create-campaign.js';
import { parseWorksiteList } from '../domain/campaigns/parse-worksite-list.js';
import { removeBargainingUnit } from '../domain/campaigns/remove-bargaining-unit.js';
import { removeDemoCampaign } from '../domain/campaigns/remove-demo-campaign.js';
import { removeEmployer } from '../domain/campaigns/remove-employer.js';
import { removeWorksite } from '../domain/campaigns/remove-worksite.js';
import { updateBargainingUnit } from '../domain/campaigns/update-bargaining-unit.js';
import { updateCampaignSettings } from '../domain/campaigns/update-campaign-settings.js';
import { updateEmployer } from '../domain/campaigns/update-employer.js';
import { updateWorksite } from '../domain/campaigns/update-worksite.js';
import { viewCampaignSetup } from '../domain/campaigns/view-campaign-setup.js';
import { isDay } from '../domain/calendar.js';
import { approveCardText } from '../domain/cards/approve-card-text.js';
import { createCardText } from '../domain/cards/create-card-text.js';
import { systemRequester } from '../domain/commands/requester.js';
import { AppError } from '../errors.js';
import { isJurisdiction } from '../vocabulary/campaigns.js';
import { isLanguage } from '../vocabulary/languages.js';

// `unionhall campaign …`: set a campaign up from a script, with the same commands the app runs
// (as the system: the CLI holds the server's own database credentials).

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const cli = systemRequester('cli');

export type SettingsOptions = {
  name?: string;
  statement?: string;
  statementEs?: string;
  timeZone?: string;
  goal?: string;
  cardValidityMonths?: string;
  jurisdiction?: string;
  senderName?: string;
  replyTo?: string;
};

function toInteger(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/u.test(value)) throw new AppError('validation_failed', `${option} must be a whole number, not "${value.slice(0, 20)}".`);
  return Number(value);
}

function jurisdictionOf(value: string | undefined) {
  if (value === undefined) return undefined;
  const normalized = value.toLowerCase() === 'perb' ? 'ca_perb' : value.toLowerCase();
  if (!isJurisdiction(normalized)) throw new AppError('validation_failed', `--jurisdiction must be perb or nlrb, not "${value.slice(0, 20)}".`);
  return normalized;
}

function settingsOf(opts: SettingsOptions): CampaignSettingsInput {
  return {
    name: opts.name,
    statement: opts.statement,
    statementEs: opts.statementEs,
    timeZone: opts.timeZone,
    goalPercent: toInteger(opts.goal, '--goal'),
    cardValidityMonths: toInteger(opts.cardValidityMonths, '--card-validity-months'),
    jurisdiction: jurisdictionOf(opts.jurisdiction),
    mailSenderName: opts.senderName,
    mailReplyTo: opts.replyTo,
  };
}

async function withRuntime<T>(config: Config, work: (runtime: Awaited<ReturnType<typeof boot>>) => Promise<T>): Promise<T> {
  const runtime = await boot(config, { demo: false });
  try {
    return await work(runtime);
  } finally {
    await runtime.close();
  }
}

export async function runCampaignCreate(config: Config, opts: SettingsOptions & { slug: string; name: string }): Promise<void> {
  await withRuntime(config, async ({ services }) => {
    const campaign = await services.execute(createCampaign, cli, { ...settingsOf(opts), slug: opts.slug, name: opts.name });
    out(`Created the campaign "${campaign.name}" at ${campaign.slug}.`);
    out(`Next: unionhall campaign employer --campaign ${campaign.slug} --name "…" --jurisdiction perb|nlrb --domain school.example`);
    out(`and give someone access: unionhall user create --campaign ${campaign.slug} --role admin --email you@union.example`);
  });
}

export async function runCampaignSettings(config: Config, opts: SettingsOptions & { campaign: string }): Promise<void> {
  await withRuntime(config, async ({ services }) => {
    const campaign = await services.execute(updateCampaignSettings, cli, { ...settingsOf(opts), slug: opts.campaign });
    out(`Saved the settings of ${campaign.slug}.`);
  });
}

export async function runEmployerAdd(config: Config, opts: { campaign: string; name: string; jurisdiction?: string; domain?: string[] }): Promise<void> {
  await withRuntime(config, async ({ services }) => {
    const employer = await services.execute(addEmployer, cli, { slug: opts.campaign, name: opts.name, jurisdiction: jurisdictionOf(opts.jurisdiction), emailDomains: opts.domain ?? [] });
    out(`Added the employer "${employer.name}" (${employer.jurisdiction === 'ca_perb' ? 'PERB' : 'NLRB'}${employer.emailDomains.length > 0 ? `; its mail: ${employer.emailDomains.join(', ')}` : ''}).`);
  });
}

export async function runWorksitesAdd(config: Config, opts: { campaign: string; name?: string[]; city?: string; employer?: string; file?: string }): Promise<void> {
  if (!opts.file && !opts.name) throw new AppError('validation_failed', 'Give --name (one or more) or --file (a list or CSV: name, city, employer).');
  const lines = opts.file
    ? parseWorksiteList(readFileSync(path.resolve(opts.file), 'utf8'))
    : (opts.name ?? []).map((name) => ({ name, city: opts.city ?? null, employer: opts.employer ?? null }));
  await withRuntime(config, async ({ services }) => {
    const added = await services.execute(addWorksites, cli, { slug: opts.campaign, worksites: lines });
    out(`Added ${added.length} school${added.length === 1 ? '' : 's'}: ${added.map((w) => w.name).join(', ')}.`);
  });
}

export async function runUnitAdd(config: Config, opts: { campaign: string; name: string; description?: string; jobTitle?: string[]; appliesFrom?: string }): Promise<void> {
  if (opts.appliesFrom !== undefined && !isDay(opts.appliesFrom)) throw new AppError('validation_failed', '--applies-from must be a real date as YYYY-MM-DD.');
  await withRuntime(config, async ({ services }) => {
    const unit = await services.execute(addBargainingUnit, cli, { slug: opts.campaign, name: opts.name, description: opts.description, jobTitles: opts.jobTitle, appliesFrom: opts.appliesFrom });
    out(`Added the unit "${unit.name}"${unit.jobTitles.length > 0 ? ` (job titles: ${unit.jobTitles.join(', ')})` : ''}.`);
  });
}

export async function runCardTextAdd(config: Config, opts: { campaign: string; language: string; title: string; bodyFile: string; approve?: boolean }): Promise<void> {
  if (!isLanguage(opts.language)) throw new AppError('validation_failed', `--language must be en or es, not "${opts.language.slice(0, 10)}".`);
  const language = opts.language;
  const body = readFileSync(path.resolve(opts.bodyFile), 'utf8').trim();
  if (body === '') throw new AppError('validation_failed', `${opts.bodyFile} is empty.`);
  await withRuntime(config, async ({ services }) => {
    const text = await services.execute(createCardText, cli, { slug: opts.campaign, language, title: opts.title, body });
    if (opts.approve) await services.execute(approveCardText, cli, { slug: opts.campaign, cardTextId: text.id });
    out(`Saved card text version ${text.version} (${language})${opts.approve ? ', approved: signers read it from now on' : '; approve it in the app (Card texts) before signers see it'}.`);
  });
}

export async function runCampaignShow(config: Config, opts: { campaign: string }): Promise<void> {
  await withRuntime(config, async ({ services }) => {
    const setup = await services.read(viewCampaignSetup, cli, { slug: opts.campaign });
    const c = setup.campaign;
    out(`${c.name} (${c.slug}); time zone ${c.timeZone}; goal ${c.goalPercent}%; cards count ${c.cardValidityMonths} months`);
    out(`Mail from: ${c.mailSenderName ?? '(the server’s name)'}; replies to: ${c.mailReplyTo ?? '(the server’s address)'}`);
    for (const e of setup.employers) {
      out(`Employer ${e.name} (${e.jurisdiction === 'ca_perb' ? 'PERB' : 'NLRB'}) ${e.emailDomains.join(', ')}`);
      for (const w of setup.worksites.filter((s) => s.employerId === e.id)) out(`  school ${w.name}${w.city ? `, ${w.city}` : ''}`);
    }
    for (const u of setup.units) out(`Unit ${u.name}${u.appliesFrom ? ` from ${u.appliesFrom}` : ''}${u.jobTitles.length > 0 ? `: ${u.jobTitles.join(', ')}` : ''}`);
    for (const t of setup.cardTexts) out(`Card text v${t.version} (${t.language}) ${t.title}${t.approvedAt ? ' [approved]' : ' [not approved]'}`);
  });
}

/** Which set-up row a `rename` or `remove` names: exactly one of an employer, a school or a unit, by name. */
export type SetupRowOptions = { campaign: string; employer?: string; school?: string; unit?: string };

function setupRowOf(opts: SetupRowOptions): { kind: 'employer' | 'school' | 'unit'; name: string } {
  const given = (['employer', 'school', 'unit'] as const).flatMap((kind) => {
    const name = opts[kind];
    return name === undefined ? [] : [{ kind, name }];
  });
  const [one] = given;
  if (given.length !== 1 || !one) throw new AppError('validation_failed', 'Name one thing: --employer "…", --school "…" or --unit "…".');
  return one;
}

async function findSetupRow(services: Awaited<ReturnType<typeof boot>>['services'], opts: SetupRowOptions): Promise<{ kind: 'employer' | 'school' | 'unit'; id: string; name: string }> {
  const { kind, name } = setupRowOf(opts);
  const setup = await services.read(viewCampaignSetup, cli, { slug: opts.campaign });
  const rows: { id: string; name: string }[] = kind === 'employer' ? setup.employers : kind === 'school' ? setup.worksites : setup.units;
  const row = rows.find((r) => r.name.toLowerCase() === name.trim().toLowerCase());
  if (!row) throw new AppError('not_found', `No ${kind} named "${name.slice(0, 200)}" in ${opts.campaign}.`);
  return { kind, id: row.id, name: row.name };
}

export async function runSetupRename(config: Config, opts: SetupRowOptions & { to: string }): Promise<void> {
  await withRuntime(config, async ({ services }) => {
    const row = await findSetupRow(services, opts);
    const input = { slug: opts.campaign, name: opts.to };
    if (row.kind === 'employer') await services.execute(updateEmployer, cli, { ...input, employerId: row.id });
    else if (row.kind === 'school') await services.execute(updateWorksite, cli, { ...input, worksiteId: row.id });
    else await services.execute(updateBargainingUnit, cli, { ...input, unitId: row.id });
    out(`Renamed the ${row.kind} "${row.name}" to "${opts.to.trim()}".`);
  });
}

export async function runSetupRemove(config: Config, opts: SetupRowOptions): Promise<void> {
  await withRuntime(config, async ({ services }) => {
    const row = await findSetupRow(services, opts);
    const input = { slug: opts.campaign };
    if (row.kind === 'employer') await services.execute(removeEmployer, cli, { ...input, employerId: row.id });
    else if (row.kind === 'school') await services.execute(removeWorksite, cli, { ...input, worksiteId: row.id });
    else await services.execute(removeBargainingUnit, cli, { ...input, unitId: row.id });
    out(`Removed the ${row.kind} "${row.name}".`);
  });
}

export async function runDemoRemove(config: Config): Promise<void> {
  await withRuntime(config, async ({ services }) => {
    const { removed } = await services.execute(removeDemoCampaign, cli, {});
    out(removed ? 'Removed the demo campaign. Other campaigns are untouched.' : 'The demo campaign is not loaded.');
  });
}
