import type { TaggingRow } from '../../db/repositories/tags-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyTag } from './find-key-tag.js';
import { findPublicPerson } from './find-public-person.js';

/**
 * Tags a public-side person (write scope): the person is named by their link, as the spec's
 * `_links.osdi:person.href`. Tagging someone known only from a petition or an RSVP first makes
 * their supporters row (decision 0036). Tagging twice answers the same tagging.
 */
export async function createOsdiTagging(ctx: CommandContext, input: { token: string | undefined; tagId: string; personId: string; identifiers: string[]; originSystem: string | undefined }): Promise<TaggingRow> {
  const { campaign, keyName } = await authorizeApiKey(ctx, input.token, 'tagging', `tagging a person with tag ${input.tagId}`);
  const tag = await findKeyTag(ctx, campaign.id, input.tagId);
  const person = await findPublicPerson(ctx, campaign.id, input.personId);
  const supporter = await ctx.repos.supporters.ensure(campaign.id, person.email, ctx.now);
  const originSystem = input.originSystem ? `${input.originSystem} (API key ${keyName})` : `API key ${keyName}`;
  const identifiers = input.identifiers.filter((i) => !i.startsWith('unionhall:'));
  const { row, added } = await ctx.repos.tags.tag(tag.id, supporter.id, originSystem, ctx.now, identifiers);
  if (added) await ctx.audit('tagging.created_by_api', { campaignId: campaign.id, subject: { type: 'supporter', id: supporter.id }, details: { tag: tag.name, origin: originSystem } });
  return row;
}
