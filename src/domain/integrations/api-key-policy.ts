import type { ApiKeyScope } from '../../vocabulary/api-keys.js';

// What each kind of OSDI data needs from a key (decision 0029). One table, tested in
// api-key-policy.test.ts. Card signers are absent on purpose: no key, whatever its scopes,
// reads who signed a support card.
export const apiResources = {
  // The public side: what people gave a public form.
  petitions: 'read',
  signatures: 'read',
  // Public-side people (signers, subscribers, RSVPs, signups) and their tags (decision 0036).
  people: 'read',
  tags: 'read',
  // Events are public; their RSVPs name people who gave a public form (decision 0038).
  attendances: 'read',
  // Newsletters the public site shows, with their sending figures.
  messages: 'read',
  // Recording as the key's source vouches (signatures confirmed elsewhere, with their origin).
  record_signature: 'write',
  person_signup: 'write',
  record_attendance: 'write',
  // Making tags and tagging or untagging people.
  tagging: 'write',
  // The roster side: employees (as OSDI people), their ratings, conversations, committee lists.
  organizing: 'organizing',
} as const satisfies Record<string, ApiKeyScope>;

export type ApiResource = keyof typeof apiResources;

/** Whether a key with these scopes may touch the resource. `organizing` alone does not read the public side. */
export function keyAllows(scopes: readonly ApiKeyScope[], resource: ApiResource): boolean {
  return scopes.includes(apiResources[resource]);
}
