import type { OsdiPersonRow } from '../../db/repositories/osdi-people-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { keyAllows } from './api-key-policy.js';
import { authenticateApiKey } from './authenticate-api-key.js';
import { parseOsdiFilter } from './parse-osdi-filter.js';

/**
 * A page of the people a key may see (decision 0036): the public side (signers, subscribers,
 * RSVPs, signups) with `read`, the roster's educators with `organizing`, both with both. Never
 * who signed a card. The use is audited before the names leave.
 */
export async function listOsdiPeople(ctx: CommandContext, input: { token: string | undefined; page: number; perPage: number; filter: string | undefined }): Promise<{ total: number; rows: OsdiPersonRow[] }> {
  const conditions = parseOsdiFilter(input.filter);
  const { key, campaign } = await authenticateApiKey(ctx, input.token);
  const sides = { public: keyAllows(key.scopes, 'people'), roster: keyAllows(key.scopes, 'organizing') };
  if (!sides.public && !sides.roster) throw new AppError('forbidden', `This API key's scopes (${key.scopes.join(', ')}) do not allow reading people.`);
  const what = `reading people (${[sides.public ? 'public side' : null, sides.roster ? 'roster' : null].filter(Boolean).join(' and ')})`;
  await ctx.audit('api_key.used', { campaignId: campaign.id, subject: { type: 'api_key', id: key.id }, details: { name: key.name, what } });
  return ctx.repos.osdiPeople.page(campaign.id, sides, conditions, input.perPage, (input.page - 1) * input.perPage);
}
