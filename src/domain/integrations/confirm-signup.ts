import type { CommandContext } from '../commands/command-context.js';
import { addTags } from './add-tags.js';
import { personEventData } from './person-event-data.js';
import { recordWebhookEvent } from './record-webhook-event.js';
import { verifySignupToken } from './signup-tokens.js';

/**
 * The second step of an unauthenticated signup: the link in the email. The person is confirmed,
 * their tags applied and `person.signed_up` fired. False for a bad link; true again for a link
 * opened twice (nothing more happens).
 */
export async function confirmSignup(ctx: CommandContext, input: { campaignId: string; supporterId: string; token: string; secret: string }): Promise<boolean> {
  if (!verifySignupToken(input.secret, input.supporterId, input.token)) return false;
  const found = await ctx.repos.supporters.find(input.campaignId, input.supporterId);
  if (!found) return false;
  if (found.status === 'confirmed') return true;
  const { pendingTags, ...details } = found.details;
  const row = await ctx.repos.supporters.confirm(found.id, details, ctx.now);
  if (!row) return true;
  await addTags(ctx, input.campaignId, row.id, pendingTags ?? [], row.originSystem);
  await recordWebhookEvent(ctx, input.campaignId, 'person.signed_up', personEventData(row, await ctx.repos.tags.namesOf(row.id)));
  await ctx.audit('supporter.signup_confirmed', { campaignId: input.campaignId, subject: { type: 'supporter', id: row.id } });
  return true;
}
