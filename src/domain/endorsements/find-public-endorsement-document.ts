import type { CommandContext } from '../commands/command-context.js';
import type { StoredDocument } from './view-endorsement-document.js';

/** A letter by its SHA-256, only while its endorsement is public. */
export async function findPublicEndorsementDocument(ctx: CommandContext, input: { campaignId: string; sha256: string }): Promise<StoredDocument | undefined> {
  if (!/^[a-f0-9]{64}$/.test(input.sha256)) return undefined;
  return ctx.repos.endorsements.findDocument(input.campaignId, { sha256: input.sha256, publicOnly: true });
}
