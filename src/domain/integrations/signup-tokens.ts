import { createHmac, timingSafeEqual } from 'node:crypto';

// The confirmation link of an unauthenticated person signup carries HMAC(secret, purpose:id), like
// the newsletter's: nothing stored, nothing to guess, and it cannot be used for anything else.
export function signupToken(secret: string, supporterId: string): string {
  return createHmac('sha256', secret).update(`osdi-signup:confirm:${supporterId}`).digest('base64url');
}

export function verifySignupToken(secret: string, supporterId: string, token: string): boolean {
  const expected = Buffer.from(signupToken(secret, supporterId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
