import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';

export function presentCampaign(campaign: CampaignRow, role?: string) {
  return {
    slug: campaign.slug,
    name: campaign.name,
    statement: campaign.statement,
    jurisdiction: campaign.jurisdiction,
    goalPercent: campaign.goalPercent,
    isDefault: campaign.isDefault,
    ...(role ? { role } : {}),
  };
}
