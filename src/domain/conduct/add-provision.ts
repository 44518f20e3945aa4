import type { ConductKind, ProvisionRow } from '../../db/repositories/conduct-repository.js';
import { AppError } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';

export type AddProvisionInput = { slug: string; code: string; title: string; description: string; deadlineMonths: number; defaultKinds: ConductKind[] };

/** An admin extends the legal mapping of the campaign's jurisdiction with a provision of its own. */
export async function addProvision(ctx: CommandContext, input: AddProvisionInput): Promise<ProvisionRow> {
  const { campaign } = await ctx.authorize(input.slug, 'campaign.manage');
  const { conduct } = ctx.repos;
  const conflict = new AppError('conflict', 'That provision is already listed.', [{ field: 'body.code', reason: 'already exists' }]);
  const listed = await conduct.listProvisions(campaign.id, campaign.jurisdiction);
  if (listed.some((p) => p.code.toLowerCase() === input.code.toLowerCase())) throw conflict;
  const row = await conduct.createProvision({
    campaignId: campaign.id,
    jurisdiction: campaign.jurisdiction,
    code: input.code,
    title: input.title,
    description: input.description,
    deadlineMonths: input.deadlineMonths,
    defaultKinds: [...new Set(input.defaultKinds)],
  });
  if (!row) throw conflict;
  await ctx.audit('conduct.provision_created', { campaignId: campaign.id, subject: { type: 'legal_provision', id: row.id }, details: { code: row.code } });
  return row;
}
