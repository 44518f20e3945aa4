import { describe, expect, it } from 'vitest';
import { subscriptionToken, verifySubscriptionToken } from './subscription-tokens.js';

describe('subscription tokens', () => {
  it('verify only for the same secret, purpose and subscriber', () => {
    const token = subscriptionToken('secret', 'unsubscribe', 'abc');
    expect(verifySubscriptionToken('secret', 'unsubscribe', 'abc', token)).toBe(true);
    expect(verifySubscriptionToken('secret', 'confirm', 'abc', token)).toBe(false);
    expect(verifySubscriptionToken('secret', 'unsubscribe', 'abd', token)).toBe(false);
    expect(verifySubscriptionToken('other', 'unsubscribe', 'abc', token)).toBe(false);
    expect(verifySubscriptionToken('secret', 'unsubscribe', 'abc', 'short')).toBe(false);
  });
});
