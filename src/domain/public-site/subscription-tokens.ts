import { createHmac, timingSafeEqual } from 'node:crypto';

export type SubscriptionPurpose = 'confirm' | 'unsubscribe';

// The links in newsletter emails carry HMAC(secret, purpose:id): nothing to store, nothing to
// guess, and a confirm link cannot be used to unsubscribe someone (or the other way round).
export function subscriptionToken(secret: string, purpose: SubscriptionPurpose, subscriberId: string): string {
  return createHmac('sha256', secret).update(`newsletter:${purpose}:${subscriberId}`).digest('base64url');
}

export function verifySubscriptionToken(secret: string, purpose: SubscriptionPurpose, subscriberId: string, token: string): boolean {
  const expected = Buffer.from(subscriptionToken(secret, purpose, subscriberId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
