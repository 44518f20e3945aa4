import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

// 'unsubscribe-mail' signs a message id: the link in a newsletter sent to someone who is not a
// subscriber (an educator on the roster, an event attendee), whose address the message holds.
export type SubscriptionPurpose = 'confirm' | 'unsubscribe' | 'unsubscribe-mail';

/** What a token signs, before the subscriber's id. */
export function subscriptionTokenPrefix(purpose: SubscriptionPurpose): string {
  return `newsletter:${purpose}:`;
}

// The links in newsletter emails carry HMAC(secret, purpose:id): nothing to store, nothing to
// guess, and a confirm link cannot be used to unsubscribe someone (or the other way round).
export function subscriptionToken(secret: string, purpose: SubscriptionPurpose, subscriberId: string): string {
  return createHmac('sha256', secret).update(`${subscriptionTokenPrefix(purpose)}${subscriberId}`).digest('base64url');
}

export function verifySubscriptionToken(secret: string, purpose: SubscriptionPurpose, subscriberId: string, token: string): boolean {
  const expected = Buffer.from(subscriptionToken(secret, purpose, subscriberId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * The HMAC-SHA256 key of the tokens as its two padded blocks (RFC 2104: the key XOR ipad and XOR
 * opad), so that a single SQL statement can sign a link for every subscriber with PostgreSQL's
 * own sha256(): HMAC(k, m) = sha256(outer || sha256(inner || m)). The same tokens as
 * subscriptionToken, so links already sent keep working.
 */
export function subscriptionTokenKey(secret: string): { inner: Buffer; outer: Buffer } {
  const raw = Buffer.from(secret, 'utf8');
  const key = Buffer.alloc(64);
  (raw.length > 64 ? createHash('sha256').update(raw).digest() : raw).copy(key);
  return { inner: Buffer.from(key.map((b) => b ^ 0x36)), outer: Buffer.from(key.map((b) => b ^ 0x5c)) };
}
