import type { CommandContext } from '../commands/command-context.js';
import { openCampaign } from '../policies/open-campaign.js';
import { importAuditDetails, runRosterImport, type ImportResult, type RosterUpload } from './run-roster-import.js';

/**
 * A dry run of importRoster: the same reading and comparing, then everything is rolled back and
 * only the diff remains. The preview shows people's names, so it is audited.
 */
export async function previewRosterImport(ctx: CommandContext, input: RosterUpload): Promise<ImportResult> {
  const campaign = await openCampaign(ctx, input.slug, 'roster.import');
  const result = await runRosterImport(ctx, campaign, input, true);
  await ctx.audit('roster.import_previewed', { campaignId: campaign.id, details: importAuditDetails(result, input.fileName) });
  return result;
}
