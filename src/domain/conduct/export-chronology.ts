import type { CommandContext } from '../commands/command-context.js';
import { buildChronology, type Chronology } from './build-chronology.js';
import { kindLabels, statusLabels } from './conduct-vocabulary.js';
import { describeFilterForAudit, toIncidentFilter, type TimelineFilter } from './timeline-filter.js';

export type ChronologyExport = { chronology: Chronology; campaign: { name: string; slug: string }; filters: string[] };

/**
 * The chronology for counsel, as PDF or CSV (rendered in src/documents). It names witnesses, so
 * only admins export it, and the export is audited in the same transaction as the read: the audit
 * row is committed before a byte leaves.
 */
export async function exportChronology(ctx: CommandContext, input: TimelineFilter & { slug: string; format: 'pdf' | 'csv' }): Promise<ChronologyExport> {
  const { slug, format, ...filter } = input;
  const { campaign } = await ctx.authorize(slug, 'export.individual');
  const chronology = await buildChronology(ctx, campaign, toIncidentFilter(filter));
  await ctx.audit('export.conduct_chronology', {
    campaignId: campaign.id,
    details: { format, filters: describeFilterForAudit(filter), incidents: chronology.incidents.length, exhibits: chronology.exhibits.length },
  });
  const worksites = filter.worksite ? await ctx.repos.campaigns.listWorksites(campaign.id) : [];
  const filters = [
    filter.from ? `from ${filter.from}` : '',
    filter.to ? `to ${filter.to}` : '',
    filter.kind ? `kind: ${kindLabels[filter.kind]}` : '',
    filter.status ? `status: ${statusLabels[filter.status]}` : '',
    filter.worksite ? `worksite: ${worksites.find((w) => w.id === filter.worksite)?.name ?? filter.worksite}` : '',
    filter.actor ? 'one actor' : '',
    filter.provision ? 'one provision' : '',
  ].filter(Boolean);
  return { chronology, campaign: { name: campaign.name, slug: campaign.slug }, filters };
}
