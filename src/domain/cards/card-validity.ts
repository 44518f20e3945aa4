import { addMonths } from '../calendar.js';

export type CardForValidity = { signedOn: string; revokedOn: string | null };

export type CardStatus = 'valid' | 'not_yet_signed' | 'expired' | 'revoked';

/**
 * The first date on which a card no longer counts. A card is valid on the day it is signed and
 * for `validityMonths` after: signed 2015-04-24 with 12 months, it counts through 2016-04-23 and
 * not on 2016-04-24 ("less than one year old", as PERB and the NLRB read it).
 */
export function cardExpiresOn(signedOn: string, validityMonths: number): string {
  return addMonths(signedOn, validityMonths);
}

/** The card's own status on a date (matching to the roster is a separate question). */
export function cardStatusOn(card: CardForValidity, asOf: string, validityMonths: number): CardStatus {
  if (card.signedOn > asOf) return 'not_yet_signed';
  if (card.revokedOn !== null && card.revokedOn <= asOf) return 'revoked';
  if (asOf >= cardExpiresOn(card.signedOn, validityMonths)) return 'expired';
  return 'valid';
}
