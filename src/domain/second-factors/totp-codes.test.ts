import { TOTP, Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { createTotpSecret, matchTotpStep, totpUri } from './totp-codes.js';
import { generateRecoveryCodes, hashRecoveryCode } from './recovery-codes.js';

const codeAt = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

describe('TOTP codes', () => {
  it('accepts the code of now and of one step either side, naming its step', () => {
    const secret = createTotpSecret();
    const now = new Date('2026-03-01T12:00:10Z');
    const step = Math.floor(now.getTime() / 30_000);
    expect(matchTotpStep(secret, codeAt(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, codeAt(secret, new Date(now.getTime() - 30_000)), now)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(secret, new Date(now.getTime() + 30_000)), now)).toBe(step + 1);
  });
  it('refuses a code two steps old, and anything that is not six digits', () => {
    const secret = createTotpSecret();
    const now = new Date('2026-03-01T12:00:10Z');
    expect(matchTotpStep(secret, codeAt(secret, new Date(now.getTime() - 90_000)), now)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', now)).toBeNull();
    expect(matchTotpStep(secret, '12345', now)).toBeNull();
  });
  it('writes an otpauth URI naming the issuer and the account', () => {
    expect(totpUri('JBSWY3DPEHPK3PXP', 'rosa@example.org')).toMatch(/^otpauth:\/\/totp\/Unionhall:rosa%40example\.org\?issuer=Unionhall&secret=JBSWY3DPEHPK3PXP/);
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes, hashed alike whatever the case or dashes typed', () => {
    const codes = generateRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    const first = codes[0]!;
    expect(first).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(hashRecoveryCode(first.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(first));
    expect(hashRecoveryCode(codes[1]!)).not.toBe(hashRecoveryCode(first));
  });
});
