// What an API key may do (decision 0029). The default key reads the public side (petitions and
// their signers, events, tags); `write` records signatures and signups as the key's source vouches;
// `organizing` is the explicit scope for roster data (ratings, conversations, committee lists).
// Nothing opens card signers: no scope exists for them.
export const apiKeyScopes = ['read', 'write', 'organizing'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

// What a webhook may be told (decision 0032): public-side actions only. Card events do not exist
// here and never will: a support card is never sent anywhere.
export const webhookEvents = ['signature.confirmed', 'person.signed_up', 'attendance.confirmed'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];
