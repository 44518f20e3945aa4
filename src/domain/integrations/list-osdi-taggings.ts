import type { TaggingRow } from '../../db/repositories/tags-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { findKeyTag } from './find-key-tag.js';
import { findPublicPerson } from './find-public-person.js';
import { parseOsdiFilter } from './parse-osdi-filter.js';

/** A page of a tag's taggings, or a person's, for a key with the read scope. */
export async function listOsdiTaggings(
  ctx: CommandContext,
  input: { token: string | undefined; of: { tagId: string } | { personId: string }; page: number; perPage: number; filter: string | undefined },
): Promise<{ total: number; rows: TaggingRow[] }> {
  const conditions = parseOsdiFilter(input.filter);
  const what = 'tagId' in input.of ? `reading the taggings of tag ${input.of.tagId}` : `reading the taggings of person ${input.of.personId}`;
  const { campaign } = await authorizeApiKey(ctx, input.token, 'tags', what);
  const of = 'tagId' in input.of ? { tagId: (await findKeyTag(ctx, campaign.id, input.of.tagId)).id } : { supporterId: (await findPublicPerson(ctx, campaign.id, input.of.personId)).id };
  return ctx.repos.tags.taggingsPage(of, conditions, input.perPage, (input.page - 1) * input.perPage);
}
