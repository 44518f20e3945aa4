import { grantFor, type Action } from '#domain/policies/campaign-policy.js';

/** What the signed-in person may do: decides which menu entries they see. */
export type NavAccess = {
  instanceAdmin: boolean;
  /** True when the role in the current campaign allows the action (for committee members: at their schools). */
  can: (action: Action) => boolean;
};

/** Access from the role listed in /api/auth/me (no campaign: only server-wide rights). */
export function accessFor(instanceAdmin: boolean, role: string | undefined): NavAccess {
  const known = role === 'admin' || role === 'organizer' || role === 'committee' || role === 'viewer' ? role : null;
  return { instanceAdmin, can: (action: Action) => (known ? grantFor(known, action) !== 'none' : false) };
}
