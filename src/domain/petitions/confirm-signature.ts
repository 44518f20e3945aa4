import type { CommandContext } from '../commands/command-context.js';
import { hashToken } from '../accounts/tokens.js';
import { parseConfirmationToken } from './confirmation-token.js';

/**
 * The link in the confirmation email. Idempotent: a second click changes nothing. Undefined for
 * an unknown token or one of another petition; otherwise the petition's new public count.
 */
export async function confirmSignature(ctx: CommandContext, input: { petitionId: string; token: string }): Promise<{ count: number } | undefined> {
  const parsed = parseConfirmationToken(input.token);
  if (!parsed) return undefined;
  const confirmed = await ctx.repos.petitions.confirmByToken(parsed.signatureId, hashToken(parsed.secret), ctx.now);
  if (!confirmed || confirmed.petitionId !== input.petitionId) return undefined;
  return { count: await ctx.repos.petitions.countConfirmed(input.petitionId) };
}
