import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { CommandContext } from '../commands/command-context.js';
import { buildFilingPacket, type FilingJurisdiction, type FilingPacket } from './filing-packet.js';

export type PacketRequest = { unitId: string; worksiteId?: string | null; filingDate: string; jurisdiction?: FilingJurisdiction };

/**
 * The packet's content for a unit (optionally one school) as of a filing date. The filing date is
 * a day of the campaign's calendar and may not be after its today: the roster and the cards of a
 * day are known only once it has come.
 */
export async function prepareFilingPacket(ctx: CommandContext, campaign: CampaignRow, request: PacketRequest): Promise<FilingPacket> {
  const { filing } = ctx.repos;
  const problems: FieldProblem[] = [];
  if (request.filingDate > ctx.today(campaign)) problems.push({ field: 'filingDate', reason: 'is in the future: the roster and cards of a filing date are known only once it has come' });
  const unit = await filing.findUnit(campaign.id, request.unitId);
  if (!unit) problems.push({ field: 'unitId', reason: 'is not a bargaining unit of this campaign' });
  const worksite = request.worksiteId ? await filing.findWorksite(campaign.id, request.worksiteId) : null;
  if (request.worksiteId && !worksite) problems.push({ field: 'worksiteId', reason: 'is not a school of this campaign' });
  if (problems.length > 0 || !unit) throw new AppError('validation_failed', 'The filing packet request is not valid.', problems);

  // One after another: a command's queries share its transaction's one connection.
  const employments = await filing.unitEmployments(campaign.id, unit.id, request.filingDate);
  const cardRows = await filing.cardsSignedBy(campaign.id, request.filingDate);
  const scopeWorksiteIds = await filing.unitWorksiteIds(campaign.id, unit.id);
  return buildFilingPacket({
    campaignName: campaign.name,
    jurisdiction: request.jurisdiction ?? campaign.jurisdiction,
    goalPercent: campaign.goalPercent,
    validityMonths: campaign.cardValidityMonths,
    timeZone: campaign.timeZone,
    unit: { id: unit.id, name: unit.name },
    worksite: worksite ?? null,
    filingDate: request.filingDate,
    employments,
    cards: cardRows,
    scopeWorksiteIds,
  });
}
