import { describe, expect, it } from 'vitest';
import { formatConfirmationToken, parseConfirmationToken } from './confirmation-token.js';

describe('confirmation tokens', () => {
  const id = '0193a4b2-7c1d-7e2f-8a3b-4c5d6e7f8091';
  const secret = 'qF3w-9X_abcdefghijklmnopqrstuvwxyz0123456';

  it('round-trips the signature id and the secret, in characters a mail client links', () => {
    const token = formatConfirmationToken(id, secret);
    expect(token).toMatch(/^[\w-]+$/);
    expect(parseConfirmationToken(token)).toEqual({ signatureId: id, secret });
  });

  it('refuses anything this server could not have written', () => {
    const hex = id.replaceAll('-', '');
    for (const bad of ['', secret, hex, `${id}${secret}`, `${hex}short`, `${hex.toUpperCase()}${secret}`, `${hex}${secret}.x`, `${hex}${secret}%00`, `${hex}${'a'.repeat(65)}`]) {
      expect(parseConfirmationToken(bad), bad).toBeUndefined();
    }
  });
});
