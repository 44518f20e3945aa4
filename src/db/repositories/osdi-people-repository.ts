import { createHash } from 'node:crypto';
import { and, asc, count, eq, gt, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import { unionAll, type PgColumn } from 'drizzle-orm/pg-core';
import type { Executor } from '../client.js';
import { osdiPeople, people, taggings, tags } from '../schema/index.js';
import type { SupporterDetails } from '../schema/supporters.js';
import type { OsdiCondition } from '../../vocabulary/osdi-filter.js';

const DAY_MS = 86_400_000;

/** One OSDI person: from the public side (the `osdi_people` view) or, for organizing keys, the roster. */
export type OsdiPersonRow = {
  id: string;
  side: 'public' | 'roster';
  email: string;
  givenName: string;
  familyName: string;
  identifiers: string[];
  details: SupporterDetails;
  originSystem: string | null;
  subscribed: string | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Which sides a key may see: the public side with `read`, the roster with `organizing`. */
export type PeopleSides = { public: boolean; roster: boolean };

/** The id the view gives an address in a campaign: md5(campaign:address) as a uuid, as in SQL. */
export function publicPersonId(campaignId: string, email: string): string {
  const hex = createHash('md5').update(`${campaignId}:${email.toLowerCase()}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

type Columns = { id: PgColumn; emails: SQL[]; identifiers: PgColumn | null; createdAt: PgColumn; updatedAt: PgColumn };

function conditionSql(c: OsdiCondition, cols: Columns): SQL | undefined {
  if (c.kind === 'text') {
    if (c.field === 'email') return or(...cols.emails.map((e) => sql`${e} = ${c.value.toLowerCase()}`));
    // Our own id is an identifier too (`unionhall:<id>`).
    const own = /^unionhall:([0-9a-f-]{36})$/i.exec(c.value)?.[1];
    if (own) return sql`${cols.id} = ${own.toLowerCase()}::uuid`;
    return cols.identifiers ? sql`${cols.identifiers} @> array[${c.value}]::text[]` : sql`false`;
  }
  const column = c.field === 'created_date' ? cols.createdAt : cols.updatedAt;
  if (c.op === 'gt') return gt(column, c.value);
  if (c.op === 'lt') return lt(column, c.value);
  // eq on a date: that whole day (UTC).
  return and(gte(column, c.value), lt(column, new Date(c.value.getTime() + DAY_MS)));
}

const viewColumns: Columns = { id: osdiPeople.id, emails: [sql`${osdiPeople.email}`], identifiers: osdiPeople.identifiers, createdAt: osdiPeople.createdAt, updatedAt: osdiPeople.updatedAt };
// The roster has no modified time of its own: a person's row is modified when made.
const rosterColumns: Columns = { id: people.id, emails: [sql`lower(${people.workEmail})`, sql`lower(${people.personalEmail})`], identifiers: null, createdAt: people.createdAt, updatedAt: people.createdAt };

// The OSDI people collection (decision 0036): reads only. Writes go to supporters-repository.ts.
/** A public-side person with their tags' names, for a file in Action Network's layout. */
export type OsdiPersonExportRow = OsdiPersonRow & { tags: string[] };

export function createOsdiPeopleRepository(db: Executor) {
  const publicSelectFields = {
    id: osdiPeople.id,
    side: sql<'public' | 'roster'>`'public'`.as('side'),
    email: osdiPeople.email,
    givenName: osdiPeople.givenName,
    familyName: osdiPeople.familyName,
    identifiers: osdiPeople.identifiers,
    details: osdiPeople.details,
    originSystem: osdiPeople.originSystem,
    subscribed: osdiPeople.subscribed,
    createdAt: osdiPeople.createdAt,
    updatedAt: osdiPeople.updatedAt,
  };
  const publicSelect = (campaignId: string, conditions: OsdiCondition[], extra?: SQL) =>
    db
      .select(publicSelectFields)
      .from(osdiPeople)
      .where(and(eq(osdiPeople.campaignId, campaignId), extra, ...conditions.map((c) => conditionSql(c, viewColumns))));
  const rosterSelect = (campaignId: string, conditions: OsdiCondition[], extra?: SQL) =>
    db
      .select({
        id: people.id,
        side: sql<'public' | 'roster'>`'roster'`.as('side'),
        email: sql<string>`coalesce(${people.workEmail}, ${people.personalEmail}, '')`.as('email'),
        givenName: people.givenName,
        familyName: people.familyName,
        identifiers: sql<string[]>`'{}'::text[]`.as('identifiers'),
        details: sql<SupporterDetails>`jsonb_strip_nulls(jsonb_build_object('phoneNumbers', case when ${people.phone} is not null then jsonb_build_array(jsonb_build_object('number', ${people.phone})) end, 'otherEmail', case when ${people.workEmail} is not null then ${people.personalEmail} end))`.as('details'),
        originSystem: sql<string | null>`null::text`.as('origin_system'),
        subscribed: sql<string | null>`null::text`.as('subscribed'),
        createdAt: people.createdAt,
        updatedAt: sql<Date>`${people.createdAt}`.mapWith(people.createdAt).as('updated_at'),
      })
      .from(people)
      .where(and(eq(people.campaignId, campaignId), extra, ...conditions.map((c) => conditionSql(c, rosterColumns))));

  return {
    /** A page of the people a key may see, oldest first. */
    async page(campaignId: string, sides: PeopleSides, conditions: OsdiCondition[], limit: number, offset: number): Promise<{ total: number; rows: OsdiPersonRow[] }> {
      let total = 0;
      if (sides.public) total += (await db.select({ n: count() }).from(osdiPeople).where(and(eq(osdiPeople.campaignId, campaignId), ...conditions.map((c) => conditionSql(c, viewColumns)))))[0]?.n ?? 0;
      if (sides.roster) total += (await db.select({ n: count() }).from(people).where(and(eq(people.campaignId, campaignId), ...conditions.map((c) => conditionSql(c, rosterColumns)))))[0]?.n ?? 0;
      if (!sides.public && !sides.roster) return { total: 0, rows: [] };
      const order = [asc(sql`created_at`), asc(sql`id`)];
      const rows =
        sides.public && sides.roster
          ? await unionAll(publicSelect(campaignId, conditions), rosterSelect(campaignId, conditions)).orderBy(...order).limit(limit).offset(offset)
          : sides.public
            ? await publicSelect(campaignId, conditions).orderBy(asc(osdiPeople.createdAt), asc(osdiPeople.id)).limit(limit).offset(offset)
            : await rosterSelect(campaignId, conditions).orderBy(asc(people.createdAt), asc(people.id)).limit(limit).offset(offset);
      return { total, rows };
    },

    /** One person by id, on whichever side they are (the caller checks the key may see that side). */
    async find(campaignId: string, id: string): Promise<OsdiPersonRow | undefined> {
      const [found] = await publicSelect(campaignId, [], eq(osdiPeople.id, id));
      if (found) return found;
      const [roster] = await rosterSelect(campaignId, [], eq(people.id, id));
      return roster;
    },

    /** Every public-side person of a campaign with their tags, oldest first. Never the roster. */
    async listPublicForExport(campaignId: string): Promise<OsdiPersonExportRow[]> {
      // Qualified by hand: Drizzle writes bare column names when a select has one table.
      const tagNames = sql<string[]>`coalesce((select array_agg(t.name order by t.name) from ${taggings} tg inner join ${tags} t on t.id = tg.tag_id where tg.supporter_id = ${sql.raw('"osdi_people"."id"')}), '{}'::text[])`;
      return db
        .select({ ...publicSelectFields, tags: tagNames.as('tags') })
        .from(osdiPeople)
        .where(eq(osdiPeople.campaignId, campaignId))
        .orderBy(asc(osdiPeople.createdAt), asc(osdiPeople.id));
    },

    /** A public-side person by address: for embedding the person in an action (attendances, submissions). */
    async findPublicByEmail(campaignId: string, email: string): Promise<OsdiPersonRow | undefined> {
      const [found] = await publicSelect(campaignId, [], eq(osdiPeople.email, email.toLowerCase()));
      return found;
    },
  };
}
