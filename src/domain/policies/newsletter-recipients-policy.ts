import { hasCampaignWideGrant, type Actor } from './campaign-policy.js';

/**
 * Whether the actor may see a newsletter's roster and attendee recipients one by one. A consent to
 * updates is often given on a card ("send me updates"), so the list of recipients and excluded
 * addresses, and the source of each consent, can tell who signed: only someone who may see every
 * card in the campaign sees it. Others see counts by audience and reason.
 */
export function mayListNewsletterRecipients(actor: Actor): boolean {
  return hasCampaignWideGrant(actor, 'cards.view');
}
