import { cleanLine } from '../../support/clean-text.js';

/**
 * A name reduced for comparison: Unicode-normalized, case-folded, with runs of whitespace made one
 * space and the ends trimmed. Accents are kept: "José" and "Jose" are different signatures.
 */
export function normalizeName(name: string): string {
  return name.normalize('NFC').toLocaleLowerCase('en-US').replace(/\s+/gu, ' ').trim();
}

/** The typed signature must be the legal name, ignoring case and spacing. */
export function signatureMatchesName(signature: string, legalName: string): boolean {
  const a = normalizeName(signature);
  return a !== '' && a === normalizeName(legalName);
}

/** Tidies a field before it is signed: NFC, trimmed, inner whitespace runs made one space (the one-line rule of every form). */
export function cleanField(value: string): string {
  return cleanLine(value);
}
