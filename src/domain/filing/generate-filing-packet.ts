import type { CommandContext } from '../commands/command-context.js';
import type { FilingCopy, FilingPacket } from './filing-packet.js';
import { prepareFilingPacket, type PacketRequest } from './prepare-filing-packet.js';

export type GenerateFilingPacketInput = PacketRequest & { slug: string; copy: FilingCopy; format: string };

/**
 * The filing packet for the labor board (board copy, naming every signer) or for the employer
 * (service copy, naming no one), as the model src/documents renders. Admins only; which packet,
 * which copy and which numbers went out are audited in the same transaction as the read.
 */
export async function generateFilingPacket(ctx: CommandContext, input: GenerateFilingPacketInput): Promise<{ packet: FilingPacket; generatedAt: Date }> {
  const { slug, copy, format, ...request } = input;
  const { campaign } = await ctx.authorize(slug, 'filing.generate');
  const packet = await prepareFilingPacket(ctx, campaign, request);
  await ctx.audit('filing.generated', {
    campaignId: campaign.id,
    subject: { type: 'unit', id: packet.unit.id },
    details: {
      unitId: packet.unit.id,
      worksiteId: packet.worksite?.id ?? null,
      filingDate: packet.filingDate,
      jurisdiction: packet.jurisdiction,
      copy,
      format,
      eligible: packet.figures.eligible,
      validCards: packet.figures.valid_cards,
      // What the admin was warned of and generated the packet despite.
      warnings: packet.warnings.map((w) => w.code),
    },
  });
  return { packet, generatedAt: ctx.now };
}
