// What an API key may do (decision 0029). The default key reads the public side (petitions and
// their signers, events, tags); `write` records signatures and signups as the key's source vouches;
// `organizing` is the explicit scope for roster data (ratings, conversations, committee lists).
// Nothing opens card signers: no scope exists for them.
export const apiKeyScopes = ['read', 'write', 'organizing'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];
