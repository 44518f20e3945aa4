import { cleanLine } from '../../support/clean-text.js';

/**
 * A name reduced for comparison: Unicode-normalized, case-folded, with runs of whitespace made one
 * space and the ends trimmed. Accents are kept here: this is the name as the signer wrote it.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US').replace(/\s+/gu, ' ').trim();
}

/**
 * A name as one comparison key: accents, case, spaces and punctuation removed ("Tomás
 * Sandoval-Ruiz" and "tomas sandoval ruiz" give one key). The database's unionhall_name_key()
 * (migration 0012) does the same for roster matching.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-US')
    .replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** The typed signature must be the legal name, ignoring accents, case, spacing and punctuation. */
export function signatureMatchesName(signature: string, legalName: string): boolean {
  const a = nameKey(signature);
  return a !== '' && a === nameKey(legalName);
}

/** Tidies a field before it is signed: NFC, trimmed, inner whitespace runs made one space (the one-line rule of every form). */
export function cleanField(value: string): string {
  return cleanLine(value);
}
