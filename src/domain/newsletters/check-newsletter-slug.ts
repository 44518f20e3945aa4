import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

// Addresses under /news that are pages of their own, not newsletters.
const reservedSlugs = new Set(['subscribe', 'unsubscribe']);

/** Checks a newsletter's address: not a page of the site, not another newsletter's. */
export async function checkNewsletterSlug(ctx: CommandContext, campaignId: string, slug: string, exceptId?: string): Promise<string> {
  if (reservedSlugs.has(slug)) throw new AppError('validation_failed', 'That address is taken by a page of the site.', [{ field: 'slug', reason: 'is reserved' }]);
  if (await ctx.repos.newsletters.slugTaken(campaignId, slug, exceptId)) throw new AppError('conflict', 'Another newsletter has that address.', [{ field: 'slug', reason: 'is already used' }]);
  return slug;
}
