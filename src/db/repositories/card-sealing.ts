import type { FieldCipher } from '../../crypto/keyring.js';
import type { PersonLink } from '../../crypto/person-link.js';
import type { cards } from '../schema/index.js';

type StoredCard = typeof cards.$inferSelect;
type StoredNewCard = typeof cards.$inferInsert;
type LinkColumns = 'personKey' | 'personRef' | 'legacyPersonId';

/** A card as the domain sees it: fields opened, and its matched roster person by id. */
export type OpenCard = Omit<StoredCard, LinkColumns> & { personId: string | null };
export type NewOpenCard = Omit<StoredNewCard, LinkColumns> & { personId?: string | null };

/**
 * What a card keeps encrypted at rest (decision 0025): who signed and how to reach them, and the
 * content hash (in clear, the hash of a paper card's few fields would confirm a guess from the
 * roster). What counting and the review queue need stays in clear: campaign, worksite, dates,
 * source, match status.
 */
export const sealedCardFields = ['signerName', 'email', 'phone', 'jobTitle', 'employeeId', 'typedSignature', 'ip', 'userAgent', 'contentHash'] as const;

/**
 * The stored form of a link to a roster person (decision 0028): the pseudonym counting joins on,
 * and the person id sealed for the screens that open it. No clear person id.
 */
export function sealPersonLink(cipher: FieldCipher, link: PersonLink, personId: string | null): { personKey: Buffer | null; personRef: string | null; legacyPersonId: null } {
  if (personId === null) return { personKey: null, personRef: null, legacyPersonId: null };
  return { personKey: link.pseudonymOf(personId), personRef: cipher.encryptText(personId), legacyPersonId: null };
}

/** The person id of a stored link: the sealed one, or the clear one of a row from before 0028. */
export function openPersonLink(cipher: FieldCipher, row: { personRef: string | null; legacyPersonId: string | null }): string | null {
  return row.personRef === null ? row.legacyPersonId : cipher.decryptText(row.personRef);
}

export function sealCard(cipher: FieldCipher, link: PersonLink, card: NewOpenCard): StoredNewCard {
  const { personId, ...rest } = card;
  const sealed: StoredNewCard = { ...rest, ...sealPersonLink(cipher, link, personId ?? null) };
  for (const field of sealedCardFields) {
    const value = card[field];
    if (typeof value === 'string') sealed[field] = cipher.encryptText(value);
  }
  return sealed;
}

export function openCard(cipher: FieldCipher, card: StoredCard): OpenCard {
  const { personKey: _key, personRef: _ref, legacyPersonId: _legacy, ...rest } = card;
  const opened: OpenCard = { ...rest, personId: openPersonLink(cipher, card) };
  for (const field of sealedCardFields) {
    const value = card[field];
    if (typeof value === 'string') opened[field] = cipher.decryptText(value);
  }
  return opened;
}
