import { sql, type SQL } from 'drizzle-orm';
import type { Keyring } from '../../crypto/keyring.js';
import type { PersonLink } from '../../crypto/person-link.js';
import type { Executor } from '../client.js';
import { cardOfPersonSql, cardPseudonymSql, pseudonymSql } from '../person-link-sql.js';

export type SupportRow = { unitId: string; worksiteId: string; eligible: number; validCards: number };
export type GrowthRow = { weekStart: string; weekEnd: string; supporters: number; schools: number };

type RawSupport = { unit_id: string; worksite_id: string; eligible: number; valid_cards: number };

/**
 * A card (alias `c`) that may count at all: verified, and not disputed by its signer (decision
 * 0023). A submitted or confirmed card, however well it matches, moves no number.
 */
export const verifiedCard = sql`exists (select 1 from card_verifications v where v.card_id = c.id)
    and not exists (select 1 from card_confirmations a where a.card_id = c.id and a.answer = 'not_signed')`;

/**
 * The counting rules in SQL; they are the same as tallySupport() in
 * src/domain/majority/tally-support.ts (a test compares both on random data). A person counts once
 * per unit, at their most recent employment active on the date; a valid card is matched to them,
 * verified, signed on or before the date, less than `validityMonths` old, and not revoked by the
 * date. With `worksiteIds`, only those worksites are computed (and only their people are read).
 * Cards name their person by a keyed pseudonym (decision 0028): each counted person's pseudonym is
 * computed here, from the link key passed as a parameter, and joined to the cards' pseudonyms.
 */
function supportQuery(link: PersonLink, campaignId: string, asOf: string, validityMonths: number, worksiteIds?: readonly string[]): SQL {
  const partial = worksiteIds !== undefined;
  const sites = partial ? sql`array[${sql.join(worksiteIds.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]` : sql`null`;
  const validCard = sql`
    c.campaign_id = ${campaignId}::uuid and c.signed_on <= ${asOf}::date
    and (c.signed_on + make_interval(months => ${validityMonths}::int))::date > ${asOf}::date
    and not exists (select 1 from card_revocations r where r.card_id = c.id and r.effective_on <= ${asOf}::date)
    and ${verifiedCard}`;
  // The whole campaign: hash-join a set of supporters. A few worksites: probe each person's cards,
  // and start from the people who work there (index on worksite), then all of their
  // employments (index on person) to find where each one counts.
  const activeFrom = partial
    ? sql`(select distinct x.person_id from employments x where x.worksite_id = any(${sites})) here
        join employments e on e.person_id = here.person_id`
    : sql`employments e`;
  return sql`
    with active as (
      select distinct on (e.person_id, e.unit_id) e.person_id, e.unit_id, e.worksite_id
      from ${activeFrom}
      where e.campaign_id = ${campaignId}::uuid and e.unit_id is not null
        and e.start_date <= ${asOf}::date and (e.end_date is null or e.end_date >= ${asOf}::date)
      order by e.person_id, e.unit_id, e.start_date desc, e.id
    )
    ${
      partial
        ? sql`
    select a.unit_id, a.worksite_id, count(*)::int as eligible,
      (count(*) filter (where exists (select 1 from cards c where ${cardOfPersonSql(link, 'c', sql`a.person_id`)} and ${validCard})))::int as valid_cards
    from active a
    where a.worksite_id = any(${sites})
    group by a.unit_id, a.worksite_id`
        : sql`,
    supporters as (
      select distinct ${cardPseudonymSql(link, 'c')} as person_key from cards c
      where (c.person_key is not null or c.person_id is not null) and ${validCard}
    )
    select a.unit_id, a.worksite_id, count(*)::int as eligible, count(s.person_key)::int as valid_cards
    from active a left join supporters s on s.person_key = ${pseudonymSql(link, sql`a.person_id`)}
    group by a.unit_id, a.worksite_id`
    }`;
}

const toSupport = (r: RawSupport): SupportRow => ({ unitId: r.unit_id, worksiteId: r.worksite_id, eligible: r.eligible, validCards: r.valid_cards });

export function createSupportRepository(db: Executor, keyring: Keyring) {
  /** Brings the counters to `today`: everything when the day changed, else the dirty worksites. */
  async function refresh(campaignId: string, today: string, validityMonths: number): Promise<void> {
    const link = await keyring.link();
    await db.transaction(async (tx) => {
      // A full count sorts every employment of the campaign: give it room to do that in memory.
      await tx.execute(sql`set local work_mem = '64MB'`);
      // One refresher per campaign at a time; the others wait, then find nothing left to do.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`support:${campaignId}`}, 0))`);
      const state = await tx.execute<{ as_of: string }>(sql`select as_of::text from support_counter_state where campaign_id = ${campaignId}::uuid`);
      if (state.rows[0]?.as_of !== today) {
        await tx.execute(sql`delete from support_counter_dirty where campaign_id = ${campaignId}::uuid`);
        await tx.execute(sql`delete from support_counters where campaign_id = ${campaignId}::uuid`);
        await tx.execute(sql`insert into support_counters (campaign_id, unit_id, worksite_id, eligible, valid_cards)
          select ${campaignId}::uuid, q.unit_id, q.worksite_id, q.eligible, q.valid_cards from (${supportQuery(link, campaignId, today, validityMonths)}) q`);
        await tx.execute(sql`insert into support_counter_state (campaign_id, as_of, refreshed_at, version) values (${campaignId}::uuid, ${today}::date, now(), 1)
          on conflict (campaign_id) do update set as_of = excluded.as_of, refreshed_at = now(), version = support_counter_state.version + 1`);
        return;
      }
      const dirty = await tx.execute<{ worksite_id: string }>(sql`delete from support_counter_dirty where campaign_id = ${campaignId}::uuid returning worksite_id`);
      const ids = dirty.rows.map((r) => r.worksite_id);
      if (ids.length === 0) return;
      const list = sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]`;
      await tx.execute(sql`delete from support_counters where campaign_id = ${campaignId}::uuid and worksite_id = any(${list})`);
      await tx.execute(sql`insert into support_counters (campaign_id, unit_id, worksite_id, eligible, valid_cards)
        select ${campaignId}::uuid, q.unit_id, q.worksite_id, q.eligible, q.valid_cards from (${supportQuery(link, campaignId, today, validityMonths, ids)}) q`);
      await tx.execute(sql`update support_counter_state set refreshed_at = now(), version = version + 1 where campaign_id = ${campaignId}::uuid`);
    });
  }

  /**
   * Makes today's counters current and returns their version. The common case is one small
   * read; after writes only the touched worksites are recounted, after midnight everything.
   */
  async function ensureCurrent(campaignId: string, today: string, validityMonths: number): Promise<number> {
    const read = () =>
      db.execute<{ as_of: string | null; dirty: boolean; version: string | null }>(sql`
        select s.as_of::text, s.version::text, exists (select 1 from support_counter_dirty d where d.campaign_id = ${campaignId}::uuid) as dirty
        from (select 1) one left join support_counter_state s on s.campaign_id = ${campaignId}::uuid`);
    let f = (await read()).rows[0];
    if (!f || f.as_of !== today || f.dirty) {
      await refresh(campaignId, today, validityMonths);
      f = (await read()).rows[0];
    }
    return Number(f?.version ?? 0);
  }

  /** The counters as they stand (call ensureCurrent first). One JSON value: fast at 10,000 rows. */
  async function counters(campaignId: string): Promise<SupportRow[]> {
    const result = await db.execute<{ rows: [string, string, number, number][] }>(sql`
      select coalesce(json_agg(json_build_array(unit_id, worksite_id, eligible, valid_cards)), '[]'::json) as rows
      from support_counters where campaign_id = ${campaignId}::uuid`);
    return (result.rows[0]?.rows ?? []).map(([unitId, worksiteId, eligible, validCards]) => ({ unitId, worksiteId, eligible, validCards }));
  }

  return {
    /** Today's numbers, current. */
    async current(campaignId: string, today: string, validityMonths: number): Promise<SupportRow[]> {
      await ensureCurrent(campaignId, today, validityMonths);
      return counters(campaignId);
    },
    ensureCurrent,
    counters,

    /** Any date: computed from the tables (the counters hold today only). */
    async asOf(campaignId: string, asOf: string, validityMonths: number): Promise<SupportRow[]> {
      const rows = await db.execute<RawSupport>(supportQuery(await keyring.link(), campaignId, asOf, validityMonths));
      return rows.rows.map(toSupport);
    },

    /**
     * Supporters (people with a verified card valid at the week's end) and schools with at least
     * one of them, for each week from `from` to `to`. A school counts where a supporter works in a
     * unit at the week's end, as the dashboard counts it (not the school written on the card: after
     * a roster import moves a signer, both said different numbers for the same day). Each
     * employment's pseudonym is computed once per request (decision 0028).
     */
    async growth(campaignId: string, from: string, to: string, validityMonths: number): Promise<GrowthRow[]> {
      const link = await keyring.link();
      const rows = await db.execute<{ week_start: string; week_end: string; supporters: number; schools: number }>(sql`
        with weeks as (
          select gs::date as week_start, least((gs + interval '6 days')::date, ${to}::date) as week_end
          from generate_series(date_trunc('week', ${from}::date), ${to}::date, interval '1 week') gs
        ), valid as (
          select ${cardPseudonymSql(link, 'c')} as person_key, c.worksite_id, c.signed_on,
                 (c.signed_on + make_interval(months => ${validityMonths}::int))::date as expires_on, r.effective_on as revoked_on
          from cards c left join card_revocations r on r.card_id = c.id
          where c.campaign_id = ${campaignId}::uuid and (c.person_key is not null or c.person_id is not null) and c.signed_on <= ${to}::date and ${verifiedCard}
        ), placed as (
          select ${pseudonymSql(link, sql`e.person_id`)} as person_key, e.worksite_id, e.start_date, e.end_date
          from employments e
          where e.campaign_id = ${campaignId}::uuid and e.unit_id is not null and e.start_date <= ${to}::date
            and (e.end_date is null or e.end_date >= date_trunc('week', ${from}::date)::date)
        ), weekly as (
          select w.week_start, w.week_end, v.person_key
          from weeks w
          join valid v on v.signed_on <= w.week_end and v.expires_on > w.week_end and (v.revoked_on is null or v.revoked_on > w.week_end)
        )
        select w.week_start::text, w.week_end::text,
               (select count(distinct k.person_key)::int from weekly k where k.week_start = w.week_start) as supporters,
               (select count(distinct p.worksite_id)::int from weekly k join placed p on p.person_key = k.person_key
                 and p.start_date <= k.week_end and (p.end_date is null or p.end_date >= k.week_end) where k.week_start = w.week_start) as schools
        from weeks w
        order by w.week_start`);
      return rows.rows.map((r) => ({ weekStart: r.week_start, weekEnd: r.week_end, supporters: r.supporters, schools: r.schools }));
    },

    /** When the first and last verified cards were signed (unverified ones would date a forgery). */
    async cardDateRange(campaignId: string): Promise<{ first: string | null; last: string | null }> {
      const rows = await db.execute<{ first: string | null; last: string | null }>(
        sql`select min(c.signed_on)::text as first, max(c.signed_on)::text as last from cards c where c.campaign_id = ${campaignId}::uuid and ${verifiedCard}`,
      );
      return { first: rows.rows[0]?.first ?? null, last: rows.rows[0]?.last ?? null };
    },

    async firstCardDate(campaignId: string): Promise<string | null> {
      const rows = await db.execute<{ first: string | null }>(sql`select min(c.signed_on)::text as first from cards c where c.campaign_id = ${campaignId}::uuid and ${verifiedCard}`);
      return rows.rows[0]?.first ?? null;
    },

    /**
     * Campaign-wide counts of what happened between two dates (inclusive): no one is named. Cards
     * are counted once verified, like everywhere else; `awaitingReview` and `awaitingVerification`
     * are the organizers' work lists (cards not counted yet).
     */
    async activity(
      campaignId: string,
      from: string,
      to: string,
    ): Promise<{ cardsSigned: number; paperCards: number; schools: number; revocations: number; awaitingReview: number; awaitingVerification: number }> {
      const rows = await db.execute<{ cards_signed: number; paper_cards: number; schools: number; revocations: number; awaiting_review: number; awaiting_verification: number }>(sql`
        with counted as (
          select c.source, c.worksite_id from cards c
          where c.campaign_id = ${campaignId}::uuid and c.signed_on between ${from}::date and ${to}::date and ${verifiedCard}
        )
        select
          (select count(*)::int from counted) as cards_signed,
          (select count(*)::int from counted where source = 'paper') as paper_cards,
          (select count(distinct worksite_id)::int from counted) as schools,
          (select count(*)::int from card_revocations r join cards c on c.id = r.card_id
            where r.campaign_id = ${campaignId}::uuid and r.effective_on between ${from}::date and ${to}::date and ${verifiedCard}) as revocations,
          (select count(*)::int from cards where campaign_id = ${campaignId}::uuid and match_status in ('unmatched', 'ambiguous')) as awaiting_review,
          (select count(*)::int from cards c where c.campaign_id = ${campaignId}::uuid and c.match_status <> 'dismissed'
            and not exists (select 1 from card_verifications v where v.card_id = c.id)
            and not exists (select 1 from card_confirmations a where a.card_id = c.id and a.answer = 'not_signed')) as awaiting_verification`);
      const r = rows.rows[0];
      return {
        cardsSigned: r?.cards_signed ?? 0,
        paperCards: r?.paper_cards ?? 0,
        schools: r?.schools ?? 0,
        revocations: r?.revocations ?? 0,
        awaitingReview: r?.awaiting_review ?? 0,
        awaitingVerification: r?.awaiting_verification ?? 0,
      };
    },
  };
}

export type SupportRepository = ReturnType<typeof createSupportRepository>;
