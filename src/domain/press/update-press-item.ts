import type { PressItemRow } from '../../db/repositories/press-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { slugify } from '../public-site/slugify.js';
import { checkPressItem } from './check-press-item.js';
import type { PressItemInput } from './create-press-item.js';

/** Changes a press item; a release always has an address, coverage never. */
export async function updatePressItem(ctx: CommandContext, input: { slug: string; itemId: string; changes: Partial<PressItemInput> }): Promise<PressItemRow> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const existing = await ctx.repos.press.find(campaign.id, input.itemId);
  if (!existing) throw new AppError('not_found', 'No such press item.');
  const c = input.changes;
  const merged: PressItemInput = {
    kind: c.kind ?? existing.kind,
    outlet: c.outlet ?? existing.outlet,
    headline: c.headline ?? existing.headline,
    publishedOn: c.publishedOn ?? existing.publishedOn,
    url: c.url === undefined ? existing.url : c.url,
    slug: c.slug === undefined ? existing.slug : c.slug,
    bodyMarkdown: c.bodyMarkdown ?? existing.bodyMarkdown,
    lang: c.lang ?? existing.lang,
    isPublic: c.isPublic ?? existing.isPublic,
  };
  if (merged.kind === 'release' && !merged.slug) merged.slug = slugify(merged.headline);
  if (merged.kind !== 'release') merged.slug = null;
  checkPressItem(merged);
  if (merged.slug && (await ctx.repos.press.slugTaken(campaign.id, merged.slug, existing.id))) throw new AppError('conflict', 'Another release has that address.', [{ field: 'slug', reason: 'is already used' }]);
  const row = await ctx.repos.press.update(campaign.id, existing.id, merged, ctx.now);
  if (!row) throw new AppError('not_found', 'No such press item.');
  return row;
}
