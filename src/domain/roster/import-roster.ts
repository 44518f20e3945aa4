import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { importAuditDetails, runRosterImport, type ImportResult, type RosterUpload } from './run-roster-import.js';

/**
 * Imports a roster file: new people, changes dated from the effective day (history is kept, so
 * "as of" any day stays true), and, in a full import when confirmed, the end of the employment of
 * those missing from it. The import, the changes it records for undo and its audit row commit
 * together, or nothing does. The CLI runs it too (as the system).
 */
export async function importRoster(ctx: CommandContext, input: RosterUpload): Promise<ImportResult> {
  const campaign = await openCampaign(ctx, input.slug, 'roster.import');
  const result = await runRosterImport(ctx, campaign, input, false);
  await ctx.audit('roster.imported', { campaignId: campaign.id, subject: result.importId ? { type: 'roster_import', id: result.importId } : undefined, details: importAuditDetails(result, input.fileName) });
  return result;
}
