import type { CardListRow } from '../../db/repositories/cards-repository.js';
import type { CardNeed, CardState } from '../../vocabulary/cards.js';
import { cardNeedsOf, cardStateOf } from './card-state.js';
import { cardExpiresOn, cardStatusOn, type CardStatus } from './card-validity.js';

/**
 * A card with its standing on a day: valid, expired, revoked or not yet signed, and when it
 * expires; where it stands on the way to counting (submitted, confirmed, verified, …) and what it
 * still needs.
 */
export type CardWithStanding = { row: CardListRow; status: CardStatus; expiresOn: string; state: CardState; needs: CardNeed[] };

export function withStanding(row: CardListRow, asOf: string, validityMonths: number): CardWithStanding {
  return { row, status: cardStatusOn(row, asOf, validityMonths), expiresOn: cardExpiresOn(row.signedOn, validityMonths), state: cardStateOf(row), needs: cardNeedsOf(row) };
}
