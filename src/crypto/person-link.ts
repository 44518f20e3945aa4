import { createHmac } from 'node:crypto';

const BLOCK = 64;

/**
 * The keyed link from a card to its roster person (decision 0028): a pseudonym,
 * HMAC-SHA-256(link key, the person's id as its 16 bytes). Equal people give equal pseudonyms, so
 * cards still count once per person; without the link key, nobody holding the roster can compute
 * a person's pseudonym and so cannot tell whose a card is.
 *
 * `innerPad` and `outerPad` are the key XOR-ed with HMAC's pads: with them, PostgreSQL computes
 * the same HMAC with its built-in sha256() (no pgcrypto needed), as a bound parameter of the
 * counting query that is never stored.
 */
export type PersonLink = {
  pseudonymOf(personId: string): Buffer;
  innerPad: Buffer;
  outerPad: Buffer;
};

export function uuidBytes(id: string): Buffer {
  return Buffer.from(id.replace(/-/g, ''), 'hex');
}

export function createPersonLink(key: Buffer): PersonLink {
  if (key.length !== 32) throw new Error('a link key is 32 bytes');
  const padded = Buffer.concat([key, Buffer.alloc(BLOCK - key.length)]);
  return {
    pseudonymOf: (personId) => createHmac('sha256', key).update(uuidBytes(personId)).digest(),
    innerPad: Buffer.from(padded.map((b) => b ^ 0x36)),
    outerPad: Buffer.from(padded.map((b) => b ^ 0x5c)),
  };
}
