import type { PressItemRow } from '../../db/repositories/press-repository.js';
import { AppError } from '../../errors.js';
import type { Language } from '../../vocabulary/languages.js';
import type { CommandContext } from '../commands/command-context.js';
import { slugify } from '../public-site/slugify.js';
import { checkPressItem, type PressShape } from './check-press-item.js';

export type PressItemInput = PressShape & {
  headline: string;
  /** Validated as a day at the edge. */
  publishedOn: string;
  /** A release's address under /press (from its headline when absent); coverage has none. */
  slug: string | null;
  lang: Language;
  isPublic: boolean;
};

/** What a new item needs: a release's address and coverage's link may come later or be derived. */
export type NewPressItem = Omit<PressItemInput, 'slug' | 'url'> & { slug?: string | null; url?: string | null };

/** Coverage (an outlet's article, linked) or one of our releases (a page of its own). */
export async function createPressItem(ctx: CommandContext, input: { slug: string; item: NewPressItem }): Promise<PressItemRow> {
  const { campaign } = await ctx.authorize(input.slug, 'public.manage');
  const given = input.item;
  const slug = given.kind === 'release' ? (given.slug ?? slugify(given.headline)) : null;
  const item: PressItemInput = { ...given, url: given.url ?? null, slug };
  checkPressItem(item);
  if (slug && (await ctx.repos.press.slugTaken(campaign.id, slug))) throw new AppError('conflict', 'Another release has that address.', [{ field: 'slug', reason: 'is already used' }]);
  return ctx.repos.press.create({ campaignId: campaign.id, ...item, createdAt: ctx.now, updatedAt: ctx.now });
}
