import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { AppError } from '../../errors.js';
import type { Jurisdiction } from '../../vocabulary/campaigns.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';
import { slugPattern } from '../public-site/slugify.js';
import { checkCampaignSettings } from './campaign-settings.js';

export type CreateCampaignInput = {
  slug: string;
  name: string;
  statement?: string;
  timeZone?: string;
  goalPercent?: number;
  cardValidityMonths?: number;
  jurisdiction?: Jurisdiction;
  mailSenderName?: string | null;
  mailReplyTo?: string | null;
};

/**
 * A new campaign on this instance. Instance administrators (and the CLI) start campaigns; the
 * account that starts one becomes its first admin, and nobody else sees it until they are added
 * (decision 0031). Employers, schools, units and the card text follow, each its own command.
 */
export async function createCampaign(ctx: CommandContext, input: CreateCampaignInput): Promise<CampaignRow> {
  const account = await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const slug = input.slug.trim().toLowerCase();
  if (!slugPattern.test(slug) || slug.length > 60) {
    throw new AppError('validation_failed', 'The address is not valid.', [{ field: 'slug', reason: 'must be lower-case letters, digits and dashes (e.g. oakland-charter-educators)' }]);
  }
  const settings = checkCampaignSettings({ name: input.name, ...withoutUndefined(input) });
  if (await ctx.repos.campaigns.findBySlug(slug)) throw new AppError('conflict', `A campaign at "${slug}" exists already.`, [{ field: 'slug', reason: 'is taken' }]);
  const campaign = await ctx.repos.campaigns.create({
    slug,
    name: settings.name ?? input.name,
    statement: settings.statement ?? '',
    statementEs: settings.statementEs ?? '',
    timeZone: settings.timeZone ?? 'America/Los_Angeles',
    goalPercent: settings.goalPercent ?? 65,
    cardValidityMonths: settings.cardValidityMonths ?? 12,
    jurisdiction: settings.jurisdiction ?? 'ca_perb',
    mailSenderName: settings.mailSenderName ?? null,
    mailReplyTo: settings.mailReplyTo ?? null,
  });
  if (account) await ctx.repos.campaigns.saveMembership({ accountId: account.id, campaignId: campaign.id, role: 'admin', worksiteIds: [] });
  await ctx.audit('campaign.created', { campaignId: campaign.id, subject: { type: 'campaign', id: campaign.id }, details: { slug } });
  return campaign;
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
