import type { PeopleListCardStatus, PeopleListKey, PeopleListQuery, PeopleListRow } from '../../db/repositories/people-list-repository.js';
import { AppError } from '../../errors.js';
import { addDays, startOfDay } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { resolveAsOf } from '../organizing/resolve-as-of.js';
import type { CardFilter, ContactFilter, PeopleSort, RatingFilter } from '../../vocabulary/people-list.js';
import { limitedToOwnList, maySeePersonalDetail, visibleWorksites } from '../policies/campaign-policy.js';


export type ListPeopleInput = {
  slug: string;
  search?: string;
  worksiteId?: string;
  unitId?: string;
  assigneeAccountId?: string;
  rating?: RatingFilter;
  card?: CardFilter;
  lastContact?: ContactFilter;
  sort: PeopleSort;
  after?: string;
  limit: number;
};

export type ListedPerson = Omit<PeopleListRow, 'lastContactAt' | 'level' | 'cardStatus'> & {
  /** null when not rated, or when the requester may not see it (`detailHidden`). */
  level: number | null;
  card: CardFilter | null;
  lastContactAt: Date | null;
  detailHidden: boolean;
};

// The groups the rating and card sorts go through, in order: strongest first, none last.
const ratingGroups = ['1', '2', '3', '4', '5', 'unknown'] as const;
const cardGroups = ['signed', 'waiting', 'revoked', 'expired', 'none'] as const;

type Cursor = { group: number; key: PeopleListKey };
type PersonSet = { in: readonly string[] } | { notIn: readonly string[] };

/**
 * The people list (issue 12): per person school, unit, rating, card status, last contact and
 * committee member; filtered, sorted and paged by keyset. Ratings and card status name people by a
 * keyed pseudonym (decision 0028): a page's rows carry theirs, and their filters and sorts work on
 * the sets of people each rating level and card status holds (decision 0040), the rating and card
 * sorts group by group. A
 * committee member sees personal detail only for their own list, so filtering or sorting by it
 * narrows the list to their own people (else the order would tell). The view is audited.
 */
export async function listPeople(ctx: CommandContext, input: ListPeopleInput): Promise<{ asOf: string; people: ListedPerson[]; next: string | null }> {
  const access = await ctx.authorize(input.slug, 'people.view');
  const { campaign, actor, accountId } = access;
  const asOf = resolveAsOf(ctx, campaign, undefined);
  const repo = ctx.repos.peopleList;
  // The sets are read only when a filter or sort needs them: the plain list costs one page.
  const levels = input.rating !== undefined || input.sort === 'rating' ? await repo.latestLevels(campaign.id, asOf.endsAt) : new Map<string, number>();
  const cards = input.card !== undefined || input.sort === 'card' ? await repo.cardStatuses(campaign.id, asOf.day, campaign.cardValidityMonths) : new Map<string, PeopleListCardStatus>();

  const usesDetail = input.rating !== undefined || input.card !== undefined || input.lastContact !== undefined || ['rating', 'card', 'last_contact'].includes(input.sort);
  const ownListOnly = usesDetail && (limitedToOwnList(actor, 'assessments.view') || limitedToOwnList(actor, 'cards.view') || limitedToOwnList(actor, 'conversations.view'));

  let filter: PersonSet | undefined;
  if (input.rating) filter = intersect(filter, ratingSet(levels, input.rating));
  if (input.card) filter = intersect(filter, cardSet(cards, input.card));

  const base: Omit<PeopleListQuery, 'order' | 'after' | 'limit' | 'people'> = {
    campaignId: campaign.id,
    day: asOf.day,
    endsAt: asOf.endsAt,
    validityMonths: campaign.cardValidityMonths,
    worksiteIds: visibleWorksites(actor, 'people.view'),
    worksiteId: input.worksiteId,
    unitId: input.unitId,
    assigneeAccountId: input.assigneeAccountId,
    listAccountId: ownListOnly ? accountId : undefined,
    lastContact: contactFilter(input.lastContact, startOfDay(addDays(asOf.day, -30), campaign.timeZone)),
    search: input.search?.trim() || undefined,
  };
  const cursor = input.after === undefined ? undefined : decodeCursor(input.after);
  const wanted = input.limit + 1;
  const rows: (PeopleListRow & { group: number })[] = [];

  if (input.sort === 'rating' || input.sort === 'card') {
    const groups = input.sort === 'rating' ? ratingGroups.map((g) => ratingSet(levels, g)) : cardGroups.map((g) => cardSet(cards, g));
    for (let group = cursor?.group ?? 0; group < groups.length && rows.length < wanted; group++) {
      const set = intersect(filter, groups[group] ?? { in: [] });
      const after = cursor && cursor.group === group ? cursor.key : undefined;
      const page = await repo.listPage({ ...base, people: set, order: 'name', after, limit: wanted - rows.length });
      rows.push(...page.map((r) => ({ ...r, group })));
    }
  } else {
    const page = await repo.listPage({ ...base, people: filter, order: input.sort, after: cursor?.key, limit: wanted });
    rows.push(...page.map((r) => ({ ...r, group: 0 })));
  }

  const shown = rows.slice(0, input.limit);
  const last = shown.at(-1);
  const next = rows.length > input.limit && last ? encodeCursor({ group: last.group, key: keyOf(last, input.sort) }) : null;
  await ctx.audit('people.list_viewed', {
    details: { asOf: asOf.day, count: shown.length, sort: input.sort, filters: { search: base.search ? true : false, worksite: input.worksiteId ?? null, unit: input.unitId ?? null, assignee: input.assigneeAccountId ?? null, rating: input.rating ?? null, card: input.card ?? null, lastContact: input.lastContact ?? null } },
  });
  return {
    asOf: asOf.day,
    next,
    people: shown.map(({ group: _group, level, cardStatus, ...row }) => {
      const place = { worksiteIds: [row.worksiteId], listAccountId: row.assigneeAccountId };
      const seeRating = maySeePersonalDetail(actor, accountId, place, 'assessments.view');
      const seeCard = maySeePersonalDetail(actor, accountId, place, 'cards.view');
      const seeContact = maySeePersonalDetail(actor, accountId, place, 'conversations.view');
      return {
        ...row,
        level: seeRating ? level : null,
        card: seeCard ? (cardStatus ?? 'none') : null,
        lastContactAt: seeContact ? row.lastContactAt : null,
        detailHidden: !(seeRating && seeCard && seeContact),
      };
    }),
  };
}

function ratingSet(levels: Map<string, number>, rating: RatingFilter): PersonSet {
  if (rating === 'unknown') return { notIn: [...levels.keys()] };
  const level = Number(rating);
  return { in: [...levels].filter(([, l]) => l === level).map(([id]) => id) };
}

function cardSet(cards: Map<string, PeopleListCardStatus>, card: CardFilter): PersonSet {
  if (card === 'none') return { notIn: [...cards.keys()] };
  return { in: [...cards].filter(([, s]) => s === card).map(([id]) => id) };
}

function intersect(a: PersonSet | undefined, b: PersonSet): PersonSet {
  if (!a) return b;
  if ('in' in a && 'in' in b) {
    const keep = new Set(b.in);
    return { in: a.in.filter((id) => keep.has(id)) };
  }
  if ('in' in a || 'in' in b) {
    const [inside, outside] = 'in' in a ? [a, b as { notIn: readonly string[] }] : [b as { in: readonly string[] }, a as { notIn: readonly string[] }];
    const drop = new Set(outside.notIn);
    return { in: inside.in.filter((id) => !drop.has(id)) };
  }
  return { notIn: [...new Set([...a.notIn, ...b.notIn])] };
}

function contactFilter(kind: ListPeopleInput['lastContact'], monthAgo: Date): PeopleListQuery['lastContact'] {
  if (kind === 'never') return { kind: 'never' };
  if (kind === 'within_30_days') return { kind: 'since', at: monthAgo };
  if (kind === 'over_30_days') return { kind: 'not_since', at: monthAgo };
  return undefined;
}

function keyOf(row: PeopleListRow, sort: PeopleSort): PeopleListKey {
  const value =
    sort === 'school' ? row.worksiteName : sort === 'unit' ? (row.unitName ?? '') : sort === 'assignee' ? (row.assigneeName ?? '') : sort === 'last_contact' ? (row.lastContactAt?.toISOString() ?? '-infinity') : null;
  return { value, familyName: row.familyName, givenName: row.givenName, personId: row.personId, employmentId: row.employmentId };
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (isCursor(parsed)) return parsed;
  } catch {
    // fall through to the one error below
  }
  throw new AppError('validation_failed', 'The page position is not one this list gave out.', [{ field: 'after', reason: 'is not a position from this list' }]);
}

function isCursor(value: unknown): value is Cursor {
  if (typeof value !== 'object' || value === null) return false;
  const { group, key } = value as { group?: unknown; key?: unknown };
  if (typeof group !== 'number' || !Number.isInteger(group) || group < 0 || typeof key !== 'object' || key === null) return false;
  const k = key as Record<string, unknown>;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return (
    (k.value === null || typeof k.value === 'string') &&
    typeof k.familyName === 'string' &&
    typeof k.givenName === 'string' &&
    typeof k.personId === 'string' &&
    uuid.test(k.personId) &&
    typeof k.employmentId === 'string' &&
    uuid.test(k.employmentId)
  );
}
