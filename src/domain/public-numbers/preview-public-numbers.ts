import type { PublicationRow } from '../../db/repositories/public-numbers-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { countPublicSupport, type PublicSupportCount } from './count-public-support.js';

export type PublicNumbersPreview = {
  /** What "publish current numbers" would show now. */
  current: PublicSupportCount;
  /** What the public site shows now, and the publications before it (newest first). */
  publications: PublicationRow[];
  autoPublish: boolean;
};

/** The preview before publishing: today's numbers as they would appear, and what is public now. */
export async function previewPublicNumbers(ctx: CommandContext, input: { slug: string }): Promise<PublicNumbersPreview> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const current = await countPublicSupport(ctx, campaign);
  const publications = await ctx.repos.publicNumbers.recent(campaign.id, 10);
  return { current, publications, autoPublish: campaign.publicNumbersAutoPublish };
}
