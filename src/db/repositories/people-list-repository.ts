import { sql, type SQL } from 'drizzle-orm';
import type { FieldCipher, Keyring } from '../../crypto/keyring.js';
import type { Executor } from '../client.js';
import { cardOfPersonSql, ratingOfPersonSql } from '../person-link-sql.js';
import { openPersonLink } from './card-sealing.js';

export type PeopleListCardStatus = 'signed' | 'waiting' | 'revoked' | 'expired';
/** What the list is ordered by; the rating and card sorts go group by group (see listPage). */
export type PeopleListOrder = 'name' | 'school' | 'unit' | 'assignee' | 'last_contact';

export type PeopleListRow = {
  personId: string;
  employmentId: string;
  givenName: string;
  familyName: string;
  phone: string | null;
  workEmail: string | null;
  worksiteId: string;
  worksiteName: string;
  unitId: string | null;
  unitName: string | null;
  jobTitle: string;
  assigneeAccountId: string | null;
  assigneeName: string | null;
  lastContactAt: Date | null;
  level: number | null;
  cardStatus: PeopleListCardStatus | null;
};

/** The position after the last row of a page, in the order's terms. */
export type PeopleListKey = { value: string | null; familyName: string; givenName: string; personId: string; employmentId: string };

export type PeopleListQuery = {
  campaignId: string;
  day: string;
  /** The instant `day` ends in the campaign's zone: ratings made before it count. */
  endsAt: Date;
  validityMonths: number;
  worksiteIds: 'all' | readonly string[];
  worksiteId?: string;
  unitId?: string | 'none';
  assigneeAccountId?: string | 'none';
  /** Only people on this committee list (a committee member filtering by personal detail). */
  listAccountId?: string;
  lastContact?: { kind: 'never' } | { kind: 'since'; at: Date } | { kind: 'not_since'; at: Date };
  search?: string;
  /** Only these people (`in`), or everyone but them (`not_in`). */
  people?: { in: readonly string[] } | { notIn: readonly string[] };
  order: PeopleListOrder;
  after?: PeopleListKey;
  limit: number;
};

const orderValue: Record<PeopleListOrder, SQL | null> = {
  name: null,
  school: sql`w.name`,
  unit: sql`coalesce(u.name, '')`,
  assignee: sql`coalesce(acc.name, '')`,
  // Longest without a conversation first, never-contacted before anyone.
  last_contact: sql`coalesce(lc.at, '-infinity'::timestamptz)`,
};

// The same orders over the page's own columns, once the page is cut (the outer query keeps it).
const orderColumn: Record<Exclude<PeopleListOrder, 'name'>, string> = {
  school: 'q.worksite_name',
  unit: "coalesce(q.unit_name, '')",
  assignee: "coalesce(q.assignee_name, '')",
  last_contact: "coalesce(q.last_contact_at, '-infinity'::timestamptz)",
};

/**
 * Opened sealed person links, by their sealed text: a sealed value opens to the same id for ever
 * (rows are append-only and each seal has its own nonce), so filtering by rating or card opens
 * each one once per process instead of once per request (decision 0040). Bounded: past the limit
 * it starts over. It holds no more than the app holds while it serves a list.
 */
const openedLinks = new Map<string, string>();
const OPENED_LINKS_LIMIT = 1_000_000;

function openLinkOnce(cipher: FieldCipher, row: { personRef: string | null; legacyPersonId: string | null }): string | null {
  if (row.personRef === null) return row.legacyPersonId;
  const known = openedLinks.get(row.personRef);
  if (known !== undefined) return known;
  const opened = openPersonLink(cipher, row);
  if (opened === null) return null;
  if (openedLinks.size >= OPENED_LINKS_LIMIT) openedLinks.clear();
  openedLinks.set(row.personRef, opened);
  return opened;
}

const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The people list (issue 12): one row per current employment, filtered, in one order, a page at a
 * time by keyset (never the whole list). Ratings and cards name their person by a keyed pseudonym
 * (decision 0028): a page's own rows get theirs from a pseudonym per row (a page is small), while
 * filtering and sorting by them works from `latestLevels` and `cardStatuses`, which open the sealed
 * person of each rating and card instead (decision 0040): their cost follows the number of ratings
 * and cards, not the roster's size.
 */
export function createPeopleListRepository(db: Executor, keyring: Keyring) {
  return {
    async listPage(q: PeopleListQuery): Promise<PeopleListRow[]> {
      if (q.worksiteIds !== 'all' && q.worksiteIds.length === 0) return [];
      if (q.people && 'in' in q.people && q.people.in.length === 0) return [];
      const value = orderValue[q.order];
      const key = q.after;
      const castValue = q.order === 'last_contact' ? sql`${key?.value ?? null}::timestamptz` : sql`${key?.value ?? null}::text`;
      const afterKey = !key
        ? sql``
        : value
          ? sql`and (${value}, p.family_name, p.given_name, p.id, e.id) > (${castValue}, ${key.familyName}, ${key.givenName}, ${key.personId}::uuid, ${key.employmentId}::uuid)`
          : sql`and (p.family_name, p.given_name, p.id, e.id) > (${key.familyName}, ${key.givenName}, ${key.personId}::uuid, ${key.employmentId}::uuid)`;
      const contact = q.lastContact;
      const link = await keyring.link();
      const found = await db.execute<{
        person_id: string;
        employment_id: string;
        given_name: string;
        family_name: string;
        phone: string | null;
        work_email: string | null;
        worksite_id: string;
        worksite_name: string;
        unit_id: string | null;
        unit_name: string | null;
        job_title: string;
        assignee_account_id: string | null;
        assignee_name: string | null;
        last_contact_at: Date | string | null;
        level: number | null;
        card_status: PeopleListCardStatus | null;
      }>(sql`
        select q.*,
          (select x.level from assessments x where ${ratingOfPersonSql(link, 'x', sql`q.person_id`)} and x.assessed_at < ${q.endsAt}
           order by x.assessed_at desc, x.id desc limit 1) level,
          (select case
             when bool_or(v.card_id is not null and (r.effective_on is null or r.effective_on > ${q.day}::date)
                          and (c.signed_on + make_interval(months => ${q.validityMonths}::int))::date > ${q.day}::date) then 'signed'
             when bool_or(v.card_id is null) then 'waiting'
             when bool_or(r.effective_on <= ${q.day}::date) then 'revoked'
             when count(*) > 0 then 'expired' end
           from cards c left join card_verifications v on v.card_id = c.id left join card_revocations r on r.card_id = c.id
           where ${cardOfPersonSql(link, 'c', sql`q.person_id`)} and c.campaign_id = ${q.campaignId}::uuid and c.signed_on <= ${q.day}::date
             and not exists (select 1 from card_dismissals d where d.card_id = c.id)
             and not exists (select 1 from card_confirmations a where a.card_id = c.id and a.answer = 'not_signed')) card_status
        from (
        select p.id person_id, e.id employment_id, p.given_name, p.family_name, p.phone, p.work_email, w.id worksite_id, w.name worksite_name,
          u.id unit_id, u.name unit_name, e.job_title, ca.account_id assignee_account_id, acc.name assignee_name, lc.at last_contact_at
        from people p
        join employments e on e.person_id = p.id and e.start_date <= ${q.day}::date and (e.end_date is null or e.end_date >= ${q.day}::date)
        join worksites w on w.id = e.worksite_id
        left join bargaining_units u on u.id = e.unit_id
        left join committee_assignments ca on ca.person_id = p.id
        left join accounts acc on acc.id = ca.account_id
        left join lateral (select max(cv.occurred_at) at from conversations cv where cv.person_id = p.id) lc on true
        where p.campaign_id = ${q.campaignId}::uuid
          ${q.worksiteIds === 'all' ? sql`` : sql`and e.worksite_id = any(${uuidArray(q.worksiteIds)})`}
          ${q.worksiteId ? sql`and e.worksite_id = ${q.worksiteId}::uuid` : sql``}
          ${q.unitId === 'none' ? sql`and e.unit_id is null` : q.unitId ? sql`and e.unit_id = ${q.unitId}::uuid` : sql``}
          ${q.assigneeAccountId === 'none' ? sql`and ca.account_id is null` : q.assigneeAccountId ? sql`and ca.account_id = ${q.assigneeAccountId}::uuid` : sql``}
          ${q.listAccountId ? sql`and ca.account_id = ${q.listAccountId}::uuid` : sql``}
          ${!contact ? sql`` : contact.kind === 'never' ? sql`and lc.at is null` : contact.kind === 'since' ? sql`and lc.at >= ${contact.at}` : sql`and (lc.at is null or lc.at < ${contact.at})`}
          ${q.search ? sql`and unionhall_name_words(p.given_name || ' ' || p.family_name) like '%' || unionhall_name_words(${q.search}) || '%'` : sql``}
          ${!q.people ? sql`` : 'in' in q.people ? sql`and p.id = any(${uuidArray(q.people.in)})` : q.people.notIn.length > 0 ? sql`and not (p.id = any(${uuidArray(q.people.notIn)}))` : sql``}
          ${afterKey}
        order by ${value ? sql`${value}, ` : sql``}p.family_name, p.given_name, p.id, e.id
        limit ${q.limit}) q
        order by ${q.order === 'name' ? sql`` : sql`${sql.raw(orderColumn[q.order])}, `}q.family_name, q.given_name, q.person_id, q.employment_id`);
      return found.rows.map((r) => ({
        personId: r.person_id,
        employmentId: r.employment_id,
        givenName: r.given_name,
        familyName: r.family_name,
        phone: r.phone,
        workEmail: r.work_email,
        worksiteId: r.worksite_id,
        worksiteName: r.worksite_name,
        unitId: r.unit_id,
        unitName: r.unit_name,
        jobTitle: r.job_title,
        assigneeAccountId: r.assignee_account_id,
        assigneeName: r.assignee_name,
        lastContactAt: r.last_contact_at === null ? null : new Date(r.last_contact_at),
        level: r.level,
        cardStatus: r.card_status,
      }));
    },

    /** Each rated person's latest level made before `endsAt`, by person id (the sealed link opened). */
    async latestLevels(campaignId: string, endsAt: Date): Promise<Map<string, number>> {
      const cipher = await keyring.cipher();
      const found = await db.execute<{ person_ref: string | null; person_id: string | null; level: number }>(sql`
        select distinct on (coalesce(a.person_key, uuid_send(a.person_id))) a.person_ref, a.person_id, a.level
        from assessments a
        where a.campaign_id = ${campaignId}::uuid and a.assessed_at < ${endsAt}
        order by coalesce(a.person_key, uuid_send(a.person_id)), a.assessed_at desc, a.id desc`);
      const levels = new Map<string, number>();
      for (const r of found.rows) {
        const id = openLinkOnce(cipher, { personRef: r.person_ref, legacyPersonId: r.person_id });
        if (id) levels.set(id, r.level);
      }
      return levels;
    },

    /**
     * Each person's card status on `day`: signed (a verified card, valid and not revoked), waiting
     * (a card matched to them, not yet verified nor dismissed), revoked, or expired; the first of
     * these that applies, in that order. A card is theirs by its own link, as on the wall chart.
     */
    async cardStatuses(campaignId: string, day: string, validityMonths: number): Promise<Map<string, PeopleListCardStatus>> {
      const cipher = await keyring.cipher();
      const found = await db.execute<{ person_ref: string | null; person_id: string | null; status: PeopleListCardStatus }>(sql`
        select c.person_ref, c.person_id, case
          when v.card_id is null then 'waiting'
          when r.effective_on is not null and r.effective_on <= ${day}::date then 'revoked'
          when (c.signed_on + make_interval(months => ${validityMonths}::int))::date > ${day}::date then 'signed'
          else 'expired' end status
        from cards c left join card_verifications v on v.card_id = c.id left join card_revocations r on r.card_id = c.id
        where c.campaign_id = ${campaignId}::uuid and c.signed_on <= ${day}::date and (c.person_key is not null or c.person_id is not null)
          and not exists (select 1 from card_dismissals d where d.card_id = c.id)
          and not exists (select 1 from card_confirmations a where a.card_id = c.id and a.answer = 'not_signed')`);
      const rank: Record<PeopleListCardStatus, number> = { signed: 0, waiting: 1, revoked: 2, expired: 3 };
      const statuses = new Map<string, PeopleListCardStatus>();
      for (const r of found.rows) {
        const id = openLinkOnce(cipher, { personRef: r.person_ref, legacyPersonId: r.person_id });
        if (!id) continue;
        const before = statuses.get(id);
        if (!before || rank[r.status] < rank[before]) statuses.set(id, r.status);
      }
      return statuses;
    },
  };
}

export type PeopleListRepository = ReturnType<typeof createPeopleListRepository>;
