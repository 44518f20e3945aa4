import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { buildChronology, type Chronology } from './build-chronology.js';
import { describeFilterForAudit, toIncidentFilter, type TimelineFilter } from './timeline-filter.js';

/**
 * The exhibits of the chronology, for a ZIP with their upload hashes. Refused, naming them, when a
 * file's bytes no longer match the hash recorded at upload. The export (which files, which hashes)
 * is audited before the archive is streamed; the bytes are then read one file at a time with
 * `readExhibitContent`.
 */
export async function exportExhibits(ctx: CommandContext, input: TimelineFilter & { slug: string }): Promise<{ chronology: Chronology; title: string; slug: string }> {
  const { slug, ...filter } = input;
  const { campaign } = await ctx.authorize(slug, 'export.individual');
  const chronology = await buildChronology(ctx, campaign, toIncidentFilter(filter));
  const altered = await ctx.repos.conduct.findAlteredAttachments(campaign.id, chronology.exhibits.map((e) => e.attachment.id));
  if (altered.length > 0) {
    const numbers = chronology.exhibits.filter((e) => altered.includes(e.attachment.id)).map((e) => `Exhibit ${e.number}`);
    throw new AppError('conflict', `These files no longer match the hash recorded at upload: ${numbers.join(', ')}. Nothing was exported; tell your administrator.`);
  }
  await ctx.audit('export.conduct_exhibits', {
    campaignId: campaign.id,
    details: { format: 'zip', filters: describeFilterForAudit(filter), exhibits: chronology.exhibits.map((e) => ({ number: e.number, attachmentId: e.attachment.id, sha256: e.attachment.sha256 })) },
  });
  return { chronology, title: `${campaign.name} — exhibits to the chronology of employer conduct`, slug: campaign.slug };
}
