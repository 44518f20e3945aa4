// A petition confirmation link's token: the signature's id (32 hex digits, no dashes) followed by a
// secret. The row stores only the secret's SHA-256, so a copy of the database confirms nothing; the
// id makes the lookup a primary-key read, so the hot insert path keeps no index on the hashes.
// Letters, digits, `-` and `_` only: mail clients link the whole of it.
const TOKEN = /^([0-9a-f]{32})([A-Za-z0-9_-]{32,64})$/;

export function formatConfirmationToken(signatureId: string, secret: string): string {
  return `${signatureId.replaceAll('-', '')}${secret}`;
}

/** Undefined for anything that is not a token this server could have written. */
export function parseConfirmationToken(token: string): { signatureId: string; secret: string } | undefined {
  const match = TOKEN.exec(token);
  const hex = match?.[1];
  const secret = match?.[2];
  if (!hex || !secret) return undefined;
  return { signatureId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, secret };
}
