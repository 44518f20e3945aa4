import type { TagRow } from '../../db/repositories/tags-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';

/**
 * A tag made over the API (write scope). A campaign's tag names are unique, as in Action Network:
 * posting a name that exists answers that tag, with the foreign ids sent added to it.
 */
export async function createOsdiTag(ctx: CommandContext, input: { token: string | undefined; name: string; description: string | undefined; identifiers: string[]; originSystem: string | undefined }): Promise<TagRow> {
  const { campaign, keyName } = await authorizeApiKey(ctx, input.token, 'tagging', `creating tag ${input.name}`);
  const identifiers = input.identifiers.filter((i) => !i.startsWith('unionhall:'));
  const existing = await ctx.repos.tags.findByName(campaign.id, input.name);
  if (existing) return identifiers.length > 0 ? ctx.repos.tags.addIdentifiers(existing, identifiers, ctx.now) : existing;
  const originSystem = input.originSystem ? `${input.originSystem} (API key ${keyName})` : `API key ${keyName}`;
  const tag = await ctx.repos.tags.insert(campaign.id, { name: input.name, description: input.description ?? null, identifiers, originSystem }, ctx.now);
  await ctx.audit('tag.created_by_api', { campaignId: campaign.id, subject: { type: 'tag', id: tag.id }, details: { name: tag.name, origin: originSystem } });
  return tag;
}
