import { createHmac } from 'node:crypto';
import { createChallenge, randomInt, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { z } from 'zod';

// ALTCHA proof of work (altcha-lib, PoW v2, PBKDF2/SHA-256), self-hosted: the browser spends about
// a second finding the counter; the server checks the answer with one HMAC. The parameters are
// small on purpose: the point is to make bulk signing cost something, not to lock out old phones.
const ALGORITHM = 'PBKDF2/SHA-256';
const COST = 500;
const COUNTER_MIN = 200;
const COUNTER_MAX = 1500;
const VALID_MINUTES = 120;

export type ProofResult = 'verified' | 'missing' | 'invalid' | 'replayed';

const payloadSchema = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.literal(ALGORITHM),
      nonce: z.string().max(200),
      salt: z.string().max(200),
      cost: z.number().int().positive().max(100_000),
      keyLength: z.number().int().positive().max(64),
      keyPrefix: z.string().max(200),
      keySignature: z.string().max(200).optional(),
      expiresAt: z.number().optional(),
    }),
    signature: z.string().max(200),
  }),
  solution: z.object({ counter: z.number().int().nonnegative(), derivedKey: z.string().max(200) }),
});

/** Where accepted proofs are remembered: in PostgreSQL (src/db/used-proofs.ts), shared by every app process. */
export type ProofLedger = { claim: (signature: string, expiresAt: Date) => Promise<boolean> };

export function createProofOfWork(secret: string, ledger: ProofLedger) {
  const signatureSecret = createHmac('sha256', secret).update('altcha-signature').digest('hex');
  const keySecret = createHmac('sha256', secret).update('altcha-key').digest('hex');

  return {
    async challenge(now: Date): Promise<Challenge> {
      return createChallenge({
        algorithm: ALGORITHM,
        cost: COST,
        counter: randomInt(COUNTER_MAX, COUNTER_MIN),
        deriveKey,
        expiresAt: new Date(now.getTime() + VALID_MINUTES * 60_000),
        hmacSignatureSecret: signatureSecret,
        hmacKeySignatureSecret: keySecret,
      });
    },
    /** A malformed payload is just an invalid proof; only a database that cannot be reached throws. */
    async verify(payload: string | undefined, now: Date): Promise<ProofResult> {
      if (!payload) return 'missing';
      let parsed: z.infer<typeof payloadSchema>;
      try {
        const result = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
        if (!result.success) return 'invalid';
        parsed = result.data;
      } catch {
        return 'invalid';
      }
      try {
        const result = await verifySolution({
          challenge: parsed.challenge,
          solution: parsed.solution,
          deriveKey,
          hmacSignatureSecret: signatureSecret,
          hmacKeySignatureSecret: keySecret,
        });
        if (!result.verified) return 'invalid';
      } catch {
        return 'invalid';
      }
      const expiresAtMs = (parsed.challenge.parameters.expiresAt ?? 0) * 1000 || now.getTime() + VALID_MINUTES * 60_000;
      // Each solved challenge works once (until it expires anyway), whichever process sees it.
      return (await ledger.claim(parsed.challenge.signature, new Date(expiresAtMs))) ? 'verified' : 'replayed';
    },
  };
}

export type ProofOfWork = ReturnType<typeof createProofOfWork>;
