import type pg from 'pg';

export type UsedProofs = {
  /** Records a proof of work as used; false when some process had already accepted it. */
  claim: (signature: string, expiresAt: Date) => Promise<boolean>;
  /** Forgets proofs whose challenge has expired (they are refused as expired anyway). */
  sweep: (now: Date) => Promise<void>;
};

/** Solved ALTCHA challenges already accepted, in PostgreSQL: a proof works once across every app process. */
export function createUsedProofs(pool: pg.Pool): UsedProofs {
  return {
    async claim(signature, expiresAt) {
      const result = await pool.query({
        name: 'used_proofs_claim_v1',
        text: 'insert into used_proofs (signature, expires_at) values ($1, $2) on conflict do nothing',
        values: [signature, expiresAt],
      });
      return result.rowCount === 1;
    },
    async sweep(now) {
      await pool.query('delete from used_proofs where expires_at < $1', [now]);
    },
  };
}
