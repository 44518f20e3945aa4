import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CardsRepository } from '../../db/repositories/cards-repository.js';
import type { FilingRepository } from '../../db/repositories/filing-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import { hashCard } from '../cards/card-hash.js';
import { isDay, dayOf } from '../calendar.js';
import { cardContentOf } from '../cards/card-content.js';
import { buildFilingPacket, type FilingJurisdiction, type FilingPacket } from './filing-packet.js';

type Deps = { filing: FilingRepository; cards: CardsRepository; now: () => Date };

export type PacketRequest = { unitId: string; worksiteId?: string | null; filingDate: string; jurisdiction?: FilingJurisdiction };

export type CardMismatch = { cardId: string; signedOn: string; worksiteName: string; source: 'electronic' | 'paper'; storedHash: string; computedHash: string };
export type VerifyReport = { campaign: string; checked: number; mismatches: CardMismatch[] };

export function createFilingService(deps: Deps) {
  const { filing, cards, now } = deps;

  return {
    /** The packet's content for a unit (optionally one school) as of a filing date. */
    async preparePacket(campaign: CampaignRow, request: PacketRequest): Promise<FilingPacket> {
      const problems: FieldProblem[] = [];
      if (!isDay(request.filingDate)) problems.push({ field: 'filingDate', reason: 'must be a date as YYYY-MM-DD' });
      else if (request.filingDate > dayOf(now(), campaign.timeZone)) problems.push({ field: 'filingDate', reason: 'is in the future: the roster and cards of a filing date are known only once it has come' });
      const unit = await filing.findUnit(campaign.id, request.unitId);
      if (!unit) problems.push({ field: 'unitId', reason: 'is not a bargaining unit of this campaign' });
      const worksite = request.worksiteId ? await filing.findWorksite(campaign.id, request.worksiteId) : null;
      if (request.worksiteId && !worksite) problems.push({ field: 'worksiteId', reason: 'is not a school of this campaign' });
      if (problems.length > 0 || !unit) throw new AppError('validation_failed', 'The filing packet request is not valid.', problems);

      const [employments, cardRows, scopeWorksiteIds] = await Promise.all([
        filing.unitEmployments(campaign.id, unit.id, request.filingDate),
        filing.cardsSignedBy(campaign.id, request.filingDate),
        filing.unitWorksiteIds(campaign.id, unit.id),
      ]);
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
    },

    /**
     * Recomputes every card's hash from its stored content. A mismatch means the row was changed
     * behind the application's back (the append-only triggers were bypassed).
     */
    async verifyCards(campaign: CampaignRow): Promise<VerifyReport> {
      const rows = await cards.listAllForVerification(campaign.id);
      const mismatches: CardMismatch[] = [];
      for (const row of rows) {
        const computed = hashCard(cardContentOf(row));
        if (computed !== row.contentHash) mismatches.push({ cardId: row.id, signedOn: row.signedOn, worksiteName: row.worksiteName, source: row.source, storedHash: row.contentHash, computedHash: computed });
      }
      return { campaign: campaign.slug, checked: rows.length, mismatches };
    },
  };
}

export type FilingService = ReturnType<typeof createFilingService>;
