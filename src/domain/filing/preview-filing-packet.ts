import type { CommandContext } from '../commands/command-context.js';
import type { FilingPacket } from './filing-packet.js';
import { prepareFilingPacket, type PacketRequest } from './prepare-filing-packet.js';

/**
 * What the Filing page shows before a file is made: the numbers, the warnings (below 30%, below
 * 50% + 1, cards without a confirmation transmission or answer) and the cards that will not count,
 * with the reason. Audited: it names signers.
 */
export async function previewFilingPacket(ctx: CommandContext, input: PacketRequest & { slug: string }): Promise<FilingPacket> {
  const { slug, ...request } = input;
  const { campaign } = await ctx.authorize(slug, 'filing.generate');
  const packet = await prepareFilingPacket(ctx, campaign, request);
  await ctx.audit('filing.previewed', {
    campaignId: campaign.id,
    subject: { type: 'unit', id: packet.unit.id },
    details: { unitId: packet.unit.id, worksiteId: packet.worksite?.id ?? null, filingDate: packet.filingDate, jurisdiction: packet.jurisdiction, warnings: packet.warnings.map((w) => w.code) },
  });
  return packet;
}
