import type { CardListRow } from '../../db/repositories/cards-repository.js';
import type { CardNeed, CardState } from '../../vocabulary/cards.js';

type StateFacts = Pick<CardListRow, 'matchStatus' | 'personId' | 'confirmation' | 'verification'>;

/**
 * Where a card stands (decision 0023): disputed (the signer answered "I did not sign": it never
 * counts, even if verified before), verified (it counts, if valid on the date), dismissed (not a
 * roster person), confirmed (the signer answered "yes, I signed this card") or submitted. The
 * repository's state filter and the counting SQL say the same.
 */
export function cardStateOf(card: StateFacts): CardState {
  if (card.confirmation?.answer === 'not_signed') return 'disputed';
  if (card.verification) return 'verified';
  if (card.matchStatus === 'dismissed') return 'dismissed';
  if (card.confirmation?.answer === 'signed') return 'confirmed';
  return 'submitted';
}

/** What a card still needs before it counts, in the order an organizer would do it. */
export function cardNeedsOf(card: StateFacts): CardNeed[] {
  const state = cardStateOf(card);
  if (state === 'verified' || state === 'dismissed' || state === 'disputed') return [];
  const needs: CardNeed[] = [];
  if (state === 'submitted') needs.push('signer_answer');
  if (card.personId === null || card.matchStatus === 'unmatched' || card.matchStatus === 'ambiguous') needs.push('roster_match');
  needs.push('verification');
  return needs;
}
