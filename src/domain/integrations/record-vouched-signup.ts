import type { OsdiSignupInput } from '../../contracts/osdi.js';
import type { OsdiPersonRow } from '../../db/repositories/osdi-people-repository.js';
import type { CommandContext } from '../commands/command-context.js';
import { addTags } from './add-tags.js';
import { authorizeApiKey } from './authorize-api-key.js';
import { osdiPersonParts } from './osdi-person-parts.js';
import { personEventData } from './person-event-data.js';
import { recordWebhookEvent } from './record-webhook-event.js';

/**
 * A person posted to the signup helper with a write-scoped key (decision 0036): the key's source
 * vouches for them, so they are confirmed at once, with the origin recorded. The same person again
 * (a foreign id seen before, else the address) is updated, not added. A new or newly confirmed
 * person fires `person.signed_up`.
 */
export async function recordVouchedSignup(ctx: CommandContext, input: { token: string | undefined; body: OsdiSignupInput }): Promise<OsdiPersonRow> {
  const { campaign, keyName } = await authorizeApiKey(ctx, input.token, 'person_signup', 'signing up a person');
  const parts = osdiPersonParts(input.body);
  const originSystem = parts.originSystem ? `${parts.originSystem} (API key ${keyName})` : `API key ${keyName}`;
  const sent = { ...parts, originSystem };
  const existing = await ctx.repos.supporters.findMatch(campaign.id, parts.email, parts.identifiers);
  const row = existing ? await ctx.repos.supporters.update(existing, sent, 'confirmed', ctx.now) : await ctx.repos.supporters.insert(campaign.id, sent, 'confirmed', ctx.now);
  await addTags(ctx, campaign.id, row.id, parts.tags, originSystem);
  if (existing?.status !== 'confirmed') await recordWebhookEvent(ctx, campaign.id, 'person.signed_up', personEventData(row, await ctx.repos.tags.namesOf(row.id)));
  await ctx.audit(existing ? 'supporter.updated_by_api' : 'supporter.recorded_by_api', { campaignId: campaign.id, subject: { type: 'supporter', id: row.id }, details: { origin: originSystem, tags: parts.tags.length } });
  const person = await ctx.repos.osdiPeople.find(campaign.id, row.id);
  if (!person) throw new Error('a confirmed supporter is missing from osdi_people');
  return person;
}
