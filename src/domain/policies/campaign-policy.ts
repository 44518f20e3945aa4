// Who may do what inside a campaign. One table, read top to bottom; the tests in
// campaign-policy.test.ts check every role against every action.
//
// The shape of it follows the threat: the employer wants to know who supports the union, so
// individual-level data (assessments, cards) is narrowed at every step — committee members to
// their own worksites, viewers to aggregates, exports to admins.
import { roles, type Role } from '../../vocabulary/roles.js';

export { roles, type Role };

export const actions = [
  'dashboard.view', // aggregate numbers only
  'campaign.manage', // settings, members, roles
  'people.view',
  'people.edit',
  'roster.import',
  'assessments.view',
  'assessments.edit',
  'cards.view',
  'cards.enter', // paper cards, matching review, card texts' approval
  'cards.verify', // record a signer's reply, verify a card (committee members: at their worksites)
  'conversations.view',
  'conversations.edit',
  'committee.assign', // who organizes whom
  'conduct.view',
  'conduct.edit',
  'public.manage', // petitions, newsletters, endorsements, press, events
  'export.individual', // any export that names people
  'filing.generate',
  'audit.view',
  'outbox.view',
] as const;
export type Action = (typeof actions)[number];

// 'own-list': within their worksites, and only for the coworkers on their own committee list.
type Grant = 'all' | 'own-worksites' | 'own-list' | 'none';

const table: Record<Action, Record<Role, Grant>> = {
  'dashboard.view': { admin: 'all', organizer: 'all', committee: 'all', viewer: 'all' },
  'campaign.manage': { admin: 'all', organizer: 'none', committee: 'none', viewer: 'none' },
  'people.view': { admin: 'all', organizer: 'all', committee: 'own-worksites', viewer: 'none' },
  'people.edit': { admin: 'all', organizer: 'all', committee: 'own-worksites', viewer: 'none' },
  'roster.import': { admin: 'all', organizer: 'all', committee: 'none', viewer: 'none' },
  'assessments.view': { admin: 'all', organizer: 'all', committee: 'own-list', viewer: 'none' },
  'assessments.edit': { admin: 'all', organizer: 'all', committee: 'own-list', viewer: 'none' },
  'cards.view': { admin: 'all', organizer: 'all', committee: 'own-worksites', viewer: 'none' },
  'cards.enter': { admin: 'all', organizer: 'all', committee: 'none', viewer: 'none' },
  'cards.verify': { admin: 'all', organizer: 'all', committee: 'own-worksites', viewer: 'none' },
  'conversations.view': { admin: 'all', organizer: 'all', committee: 'own-list', viewer: 'none' },
  'conversations.edit': { admin: 'all', organizer: 'all', committee: 'own-worksites', viewer: 'none' },
  'committee.assign': { admin: 'all', organizer: 'all', committee: 'none', viewer: 'none' },
  'conduct.view': { admin: 'all', organizer: 'all', committee: 'none', viewer: 'none' },
  'conduct.edit': { admin: 'all', organizer: 'all', committee: 'none', viewer: 'none' },
  'public.manage': { admin: 'all', organizer: 'all', committee: 'none', viewer: 'none' },
  'export.individual': { admin: 'all', organizer: 'none', committee: 'none', viewer: 'none' },
  'filing.generate': { admin: 'all', organizer: 'none', committee: 'none', viewer: 'none' },
  'audit.view': { admin: 'all', organizer: 'none', committee: 'none', viewer: 'none' },
  'outbox.view': { admin: 'all', organizer: 'none', committee: 'none', viewer: 'none' },
};

export type Actor = { role: Role; worksiteIds: readonly string[] };

/**
 * Whether the actor may take the action. Pass `worksiteId` when the action concerns one
 * worksite's people; without it, a worksite-limited grant answers "yes, within your worksites"
 * (the caller must then filter by `visibleWorksites`).
 */
export function canPerform(actor: Actor, action: Action, worksiteId?: string): boolean {
  const grant = table[action][actor.role];
  if (grant === 'all') return true;
  if (grant === 'none') return false;
  return worksiteId === undefined ? actor.worksiteIds.length > 0 : actor.worksiteIds.includes(worksiteId);
}

/** Whether the actor may take the action campaign-wide (not only at some worksites or for a list). */
export function hasCampaignWideGrant(actor: Actor, action: Action): boolean {
  return table[action][actor.role] === 'all';
}

/**
 * Whether the grant stops at the actor's own committee list: the caller must then also check that
 * the person is on it (or filter lists to it).
 */
export function limitedToOwnList(actor: Actor, action: Action): boolean {
  return table[action][actor.role] === 'own-list';
}

/** Detail about one person that is theirs alone: ratings, conversation notes (and the tasks they lead to), card status. */
export type PersonalDetail = 'assessments.view' | 'conversations.view' | 'cards.view';

/** Where a person works and whose committee list they are on: all the rule below needs. */
export type PersonPlace = { worksiteIds: readonly string[]; listAccountId: string | null };

/**
 * The one visibility rule for personal detail about one person, used by every view that shows it
 * (person page, conversation history, rating history, wall chart, my list). The detail must be the
 * actor's to see at one of the person's worksites; and whoever reads ratings only for their own
 * committee list (a committee member) reads every personal detail only for their own list, so a
 * coworker who is not on it shows as a name and a school, nothing more.
 */
export function maySeePersonalDetail(actor: Actor, requesterAccountId: string, person: PersonPlace, detail: PersonalDetail): boolean {
  if (!person.worksiteIds.some((w) => canPerform(actor, detail, w))) return false;
  const ownListOnly = limitedToOwnList(actor, 'assessments.view') || limitedToOwnList(actor, detail);
  return !ownListOnly || person.listAccountId === requesterAccountId;
}

/** Which worksites' individual data the actor may see for this action: 'all', or a list. */
export function visibleWorksites(actor: Actor, action: Action): 'all' | readonly string[] {
  const grant = table[action][actor.role];
  if (grant === 'all') return 'all';
  if (grant === 'none') return [];
  return actor.worksiteIds;
}

export function grantFor(role: Role, action: Action): Grant {
  return table[action][role];
}
