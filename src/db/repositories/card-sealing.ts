import type { FieldCipher } from '../../crypto/keyring.js';
import type { cards } from '../schema/index.js';

type CardRow = typeof cards.$inferSelect;
type NewCard = typeof cards.$inferInsert;

/**
 * What a card keeps encrypted at rest (decision 0025): who signed and how to reach them, and the
 * content hash (in clear, the hash of a paper card's few fields would confirm a guess from the
 * roster). What counting and the review queue need stays in clear: campaign, worksite, dates,
 * source, match status.
 */
export const sealedCardFields = ['signerName', 'email', 'phone', 'jobTitle', 'employeeId', 'typedSignature', 'ip', 'userAgent', 'contentHash'] as const;

export function sealCard(cipher: FieldCipher, card: NewCard): NewCard {
  const sealed: NewCard = { ...card };
  for (const field of sealedCardFields) {
    const value = card[field];
    if (typeof value === 'string') sealed[field] = cipher.encryptText(value);
  }
  return sealed;
}

export function openCard<T extends CardRow>(cipher: FieldCipher, card: T): T {
  const opened: T = { ...card };
  for (const field of sealedCardFields) {
    const value = card[field];
    if (typeof value === 'string') opened[field] = cipher.decryptText(value);
  }
  return opened;
}

