import type { CommandContext } from '../commands/command-context.js';
import { authorizeInstanceAdmin } from '../policies/authorize-instance-admin.js';

/** Rows sealed per transaction: a database of any size is converted in short transactions. */
export const SEAL_NOTES_BATCH = 5000;

/**
 * One batch of the upgrade to sealed card notes (decision 0046): verification and answer notes,
 * revocation and dismissal reasons and answer addresses written in clear before it, then the audit
 * rows about a card that still show an address or a person id in clear (decisions 0028, 0046).
 * Start-up runs it until it returns 0 (the database holds no key, so a migration alone cannot).
 * Audited when it sealed anything.
 */
export async function sealCardNotes(ctx: CommandContext, input: { limit?: number } = {}): Promise<{ notes: number; auditRows: number }> {
  await authorizeInstanceAdmin(ctx.repos, ctx.requester);
  const limit = input.limit ?? SEAL_NOTES_BATCH;
  const notes = await ctx.repos.cards.sealLegacyNotes(limit);
  const auditRows = notes < limit ? await ctx.repos.audit.sealLegacyCardRows(limit - notes) : 0;
  if (notes + auditRows > 0) await ctx.audit('cards.notes_sealed', { campaignId: null, details: { notes, auditRows } });
  return { notes, auditRows };
}
