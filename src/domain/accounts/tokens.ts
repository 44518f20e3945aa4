import { createHash, randomBytes } from 'node:crypto';

// Secrets given to a person (session cookies, one-time links) are random 256-bit strings; only
// their SHA-256 is stored, so a stolen database copy grants nothing.
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
