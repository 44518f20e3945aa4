import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/** Rows keyed per transaction: a database of any size is keyed in short transactions. */
export const KEY_LINKS_BATCH = 5000;

/**
 * One batch of the upgrade to keyed links (decision 0028): cards, verifications and ratings written
 * before it named their roster person in clear; this replaces each clear person id by its pseudonym and
 * the sealed id. Start-up runs it until it returns 0 (the database holds no key, so a migration
 * alone cannot). Audited when it keyed anything.
 */
export async function keyPersonLinks(ctx: CommandContext, input: { limit?: number } = {}): Promise<{ keyed: number }> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const keyed = await ctx.repos.cards.keyLegacyLinks(input.limit ?? KEY_LINKS_BATCH);
  if (keyed > 0) await ctx.audit('cards.links_keyed', { campaignId: null, details: { rows: keyed } });
  return { keyed };
}
