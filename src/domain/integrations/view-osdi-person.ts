import type { OsdiPersonRow } from '../../db/repositories/osdi-people-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { keyAllows } from './api-key-policy.js';
import { authenticateApiKey } from './authenticate-api-key.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * One person, if the key may see their side (decision 0036): an educator on the roster needs the
 * organizing scope, and a read key asking for one gets 403. Audited before it leaves.
 */
export async function viewOsdiPerson(ctx: CommandContext, input: { token: string | undefined; personId: string }): Promise<OsdiPersonRow> {
  const { key, campaign } = await authenticateApiKey(ctx, input.token);
  const row = UUID.test(input.personId) ? await ctx.repos.osdiPeople.find(campaign.id, input.personId.toLowerCase()) : undefined;
  if (!row) throw new AppError('not_found', 'No such person.');
  if (!keyAllows(key.scopes, row.side === 'roster' ? 'organizing' : 'people')) {
    throw new AppError('forbidden', row.side === 'roster' ? 'This person is on the roster: reading them needs an API key with the organizing scope.' : `This API key's scopes (${key.scopes.join(', ')}) do not allow reading people.`);
  }
  await ctx.audit('api_key.used', { campaignId: campaign.id, subject: { type: 'api_key', id: key.id }, details: { name: key.name, what: `reading person ${row.id}` } });
  return row;
}
