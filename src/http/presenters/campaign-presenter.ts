import type { CampaignDetail } from '../../contracts/campaigns.js';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CampaignView } from '../../domain/campaigns/view-campaign.js';

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

/** The campaign as every organizer page starts from it: with its schools, units and the requester's role. */
export function presentCampaignDetail(view: CampaignView): CampaignDetail {
  return {
    campaign: { ...presentCampaign(view.campaign), role: view.actor.role },
    worksites: view.worksites.map((w) => ({ id: w.id, name: w.name, city: w.city })),
    units: view.units.map((u) => ({ id: u.id, name: u.name, description: u.description })),
    myWorksiteIds: [...view.actor.worksiteIds],
  };
}
