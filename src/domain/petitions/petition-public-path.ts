import type { LocatedPetition } from '../../db/repositories/petitions-repository.js';

/** Where a petition lives on the public site: `/petition/{slug}`, or `/c/{campaign}/petition/{slug}`. */
export function petitionPublicPath(found: LocatedPetition): string {
  return `${found.isDefaultCampaign ? '' : `/c/${found.campaignSlug}`}/petition/${found.petition.slug}`;
}
