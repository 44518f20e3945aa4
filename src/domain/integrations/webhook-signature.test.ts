import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhook } from './webhook-signature.js';

describe('webhook signatures', () => {
  const body = '{"event":"signature.confirmed"}';
  it('signs "<t>.<body>" with HMAC-SHA256, as a receiver can check with any HMAC library', () => {
    // Computed independently: printf '1700000000.{"event":"signature.confirmed"}' | openssl dgst -sha256 -hmac s3cret
    expect(signWebhook('s3cret', 1700000000, body)).toBe('t=1700000000,v1=bf20be0e218ee259d3e1cb2336091837e5b5c2000c127d0310a3a17c76e1f338');
  });
  it('verifies its own signature, and refuses another body, another secret or an old timestamp', () => {
    const header = signWebhook('s3cret', 1700000000, body);
    expect(verifyWebhook('s3cret', header, body, 1700000010)).toBe(true);
    expect(verifyWebhook('s3cret', header, body + ' ', 1700000010)).toBe(false);
    expect(verifyWebhook('other', header, body, 1700000010)).toBe(false);
    expect(verifyWebhook('s3cret', header, body, 1700000000 + 301)).toBe(false);
    expect(verifyWebhook('s3cret', 'nonsense', body, 1700000000)).toBe(false);
  });
});
