import { createHash, randomInt } from 'node:crypto';

export const RECOVERY_CODE_COUNT = 10;
// No 0/O or 1/I/L: a code is copied from paper by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 12;

function normalize(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Ten random codes of 12 characters (about 59 bits each), shown as `xxxx-xxxx-xxxx`. */
export function generateRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
  });
}

/**
 * What is stored of a code: its SHA-256. A code is random and long enough that a fast hash is
 * safe (nobody can try 2^59 guesses against a dump), and dashes or capitals typed do not matter.
 */
export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`unionhall-recovery:${normalize(code)}`).digest('hex');
}
