import type { CardListRow } from '../../db/repositories/cards-repository.js';
import { cardExpiresOn, cardStatusOn, type CardStatus } from './card-validity.js';

/** A card with its standing on a day: valid, expired, revoked or not yet signed, and when it expires. */
export type CardWithStanding = { row: CardListRow; status: CardStatus; expiresOn: string };

export function withStanding(row: CardListRow, asOf: string, validityMonths: number): CardWithStanding {
  return { row, status: cardStatusOn(row, asOf, validityMonths), expiresOn: cardExpiresOn(row.signedOn, validityMonths) };
}
