import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { subscriptionToken, subscriptionTokenKey, subscriptionTokenPrefix, verifySubscriptionToken } from './subscription-tokens.js';

describe('subscription tokens', () => {
  it('verify only for the same secret, purpose and subscriber', () => {
    const token = subscriptionToken('secret', 'unsubscribe', 'abc');
    expect(verifySubscriptionToken('secret', 'unsubscribe', 'abc', token)).toBe(true);
    expect(verifySubscriptionToken('secret', 'confirm', 'abc', token)).toBe(false);
    expect(verifySubscriptionToken('secret', 'unsubscribe', 'abd', token)).toBe(false);
    expect(verifySubscriptionToken('other', 'unsubscribe', 'abc', token)).toBe(false);
    expect(verifySubscriptionToken('secret', 'unsubscribe', 'abc', 'short')).toBe(false);
  });

  it('sign the same tokens from the padded key blocks (what the newsletter send does in SQL)', () => {
    const sha256 = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
    for (const secret of ['short', 'test-secret-test-secret-test-secret-123', 'é'.repeat(70)]) {
      const { inner, outer } = subscriptionTokenKey(secret);
      const message = Buffer.from(`${subscriptionTokenPrefix('unsubscribe')}5f0c7e1a-0000-4000-8000-000000000001`);
      expect(sha256(outer, sha256(inner, message)).toString('base64url')).toBe(subscriptionToken(secret, 'unsubscribe', '5f0c7e1a-0000-4000-8000-000000000001'));
    }
  });
});
