import argon2 from 'argon2';

// argon2id with the library's defaults (m=64 MiB, t=3, p=4), above OWASP's minimum.
export async function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

// A hash of a random password, verified against when an email is unknown, so that a login for a
// missing account takes as long as one for a real account and reveals nothing.
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(`decoy-${Math.random()}`);
  return decoy;
}

export const MIN_PASSWORD_LENGTH = 12;

export function describePasswordProblem(password: string, email: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'must be at most 256 characters';
  if (password.toLowerCase().includes(email.split('@')[0]?.toLowerCase() ?? '\u0000')) return 'must not contain your email name';
  return null;
}
