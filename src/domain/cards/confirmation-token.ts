import { createHash, randomBytes } from 'node:crypto';

/**
 * The secret of a card's "yes, I signed this card" link: 32 random bytes, base64url. Only its
 * SHA-256 is stored (cards.confirmation_token_hash), so a copy of the database cannot answer for
 * a signer.
 */
export function createConfirmationToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashConfirmationToken(token) };
}

export function hashConfirmationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token as the link carries it (43 base64url characters); anything else is refused before a lookup. */
export function isConfirmationToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/u.test(value);
}
