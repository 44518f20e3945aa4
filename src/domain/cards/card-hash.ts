import { createHash } from 'node:crypto';

/** The signed content of a card: what the signer agreed to, and when and how. */
export type CardContent = {
  id: string;
  campaignId: string;
  cardTextId: string;
  cardTextVersion: number;
  cardText: string;
  employerName: string;
  worksiteId: string;
  worksiteName: string;
  signerName: string;
  email: string | null;
  phone: string | null;
  jobTitle: string;
  employeeId: string | null;
  /** YYYY-MM-DD, the date signed (local to the campaign). */
  signedOn: string;
  /** The instant of an electronic signature; null for paper cards. */
  signedAt: Date | null;
  source: 'electronic' | 'paper';
  typedSignature: string | null;
  ip: string | null;
  userAgent: string | null;
};

export const CARD_HASH_FORMAT = 'unionhall-card-v1';

/**
 * The canonical serialization of a card's signed content, version `unionhall-card-v1`:
 *
 *   JSON.stringify([
 *     "unionhall-card-v1", id, campaignId, cardTextId, cardTextVersion, cardText, employerName,
 *     worksiteId, worksiteName, signerName, email, phone, jobTitle, employeeId, signedOn,
 *     signedAt, source, typedSignature, ip, userAgent
 *   ])
 *
 * - A JSON array, not an object: the order is fixed by position, so no key-ordering rule is needed.
 * - Strings are taken exactly as stored (inputs are NFC-normalized and trimmed before the card is
 *   written, never after); absent values are JSON null; cardTextVersion is a JSON integer.
 * - signedAt is an ISO-8601 UTC string with milliseconds (`2015-04-24T17:03:00.000Z`) or null;
 *   signedOn is `YYYY-MM-DD`.
 * - JSON.stringify escapes only `"`, `\` and control characters and emits no whitespace, so the
 *   same content always gives the same bytes; the hash is SHA-256 over their UTF-8 encoding, in
 *   lowercase hex. Anyone can recompute it from a card's row with any JSON library that emits the
 *   same minimal form.
 */
export function canonicalizeCard(card: CardContent): string {
  return JSON.stringify([
    CARD_HASH_FORMAT,
    card.id,
    card.campaignId,
    card.cardTextId,
    card.cardTextVersion,
    card.cardText,
    card.employerName,
    card.worksiteId,
    card.worksiteName,
    card.signerName,
    card.email,
    card.phone,
    card.jobTitle,
    card.employeeId,
    card.signedOn,
    card.signedAt ? card.signedAt.toISOString() : null,
    card.source,
    card.typedSignature,
    card.ip,
    card.userAgent,
  ]);
}

export function hashCard(card: CardContent): string {
  return createHash('sha256').update(canonicalizeCard(card), 'utf8').digest('hex');
}

/** Whether the stored hash still matches the stored content (false means the row was altered). */
export function verifyCardHash(card: CardContent & { contentHash: string }): boolean {
  return hashCard(card) === card.contentHash;
}
