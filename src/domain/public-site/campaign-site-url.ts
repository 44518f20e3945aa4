/** The public site of a campaign: the instance's root for the default campaign, `/c/{slug}` for others. */
export function campaignSiteUrl(publicUrl: string, campaign: { slug: string; isDefault: boolean }): string {
  return `${publicUrl}${campaign.isDefault ? '' : `/c/${campaign.slug}`}`;
}
