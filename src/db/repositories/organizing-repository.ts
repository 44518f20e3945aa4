import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { FieldCipher, Keyring } from '../../crypto/keyring.js';
import type { Executor } from '../client.js';
import { cardOfPersonSql, ratingOfPersonSql } from '../person-link-sql.js';
import { openPersonLink, sealPersonLink } from './card-sealing.js';
import type { PersonLink } from '../../crypto/person-link.js';
import { verifiedCard } from './support-repository.js';
import { accounts, assessments, campaigns, committeeAssignments, conversations, memberships, people, tasks, worksites } from '../schema/index.js';

export type Scope = 'all' | readonly string[];
type StoredAssessment = typeof assessments.$inferSelect;
type LinkColumns = 'personKey' | 'personRef' | 'legacyPersonId';
/** A rating as the domain sees it: its note opened, its roster person by id (decision 0028, ratings). */
export type AssessmentRow = Omit<StoredAssessment, LinkColumns> & { personId: string };
export type NewAssessment = Omit<typeof assessments.$inferInsert, LinkColumns> & { personId: string };
export type ConversationRow = typeof conversations.$inferSelect;
export type TaskRow = typeof tasks.$inferSelect;

/**
 * A day and the instant it ends in the campaign's time zone (src/domain/calendar.ts): "as of
 * 2015-04-24" is the roster on that day and every rating made before that day ended, locally.
 */
export type AsOf = { day: string; endsAt: Date };

/** Employments current on `asOf` within the scope, as a SQL fragment over alias e. */
const currentEmployment = (campaignId: string, asOf: string, scope: Scope): SQL =>
  sql`e.campaign_id = ${campaignId} and e.start_date <= ${asOf}::date and (e.end_date is null or e.end_date >= ${asOf}::date)
      ${scope === 'all' ? sql`` : sql`and e.worksite_id in (${sql.join(scope.length > 0 ? scope.map((id) => sql`${id}::uuid`) : [sql`null`], sql`, `)})`}`;

const listFilter = (listAccountId: string | null): SQL => (listAccountId ? sql`and exists (select 1 from committee_assignments ca where ca.person_id = p.id and ca.account_id = ${listAccountId})` : sql``);

/**
 * Assessment notes and conversation notes are encrypted at rest (decision 0025); levels, dates and
 * who assessed stay in clear for the counts.
 */
const openAssessment = (cipher: FieldCipher, row: StoredAssessment): AssessmentRow => {
  const { personKey: _key, personRef: _ref, legacyPersonId: _legacy, ...rest } = row;
  return { ...rest, personId: openPersonLink(cipher, row) ?? '', note: cipher.decryptText(row.note) };
};

/** The latest rating of person `p` made before `endsAt`, as a lateral subquery over alias x. */
const latestRating = (link: PersonLink, columns: SQL, endsAt: Date): SQL =>
  sql`(select ${columns} from assessments x where ${ratingOfPersonSql(link, 'x', sql`p.id`)} and x.assessed_at < ${endsAt} order by x.assessed_at desc, x.id desc limit 1)`;
const openConversation = (cipher: FieldCipher, row: ConversationRow): ConversationRow => ({ ...row, notes: cipher.decryptText(row.notes), nextStep: cipher.decryptText(row.nextStep) });

export function createOrganizingRepository(db: Executor, keyring: Keyring) {
  const rows = async <T>(query: SQL): Promise<T[]> => (await db.execute(query)).rows as T[];

  return {
    // ---- assessments ----
    async addAssessment(input: NewAssessment): Promise<AssessmentRow> {
      const cipher = await keyring.cipher();
      const { personId, ...rest } = input;
      const [row] = await db
        .insert(assessments)
        .values({ ...rest, ...sealPersonLink(cipher, await keyring.link(), personId), note: cipher.encryptText(input.note ?? '') })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return openAssessment(cipher, row);
    },

    async assessmentHistory(personId: string): Promise<AssessmentRow[]> {
      const cipher = await keyring.cipher();
      const link = await keyring.link();
      const found = await db
        .select()
        .from(assessments)
        .where(ratingOfPersonSql(link, 'assessments', sql`${personId}::uuid`))
        .orderBy(desc(assessments.assessedAt), desc(assessments.id));
      return found.map((row) => openAssessment(cipher, row));
    },

    /** Latest assessment per person employed on `asOf` in scope (optionally only one list). */
    async latestAssessments(campaignId: string, scope: Scope, asOf: AsOf, filter: { worksiteId?: string; level?: number | 'unknown'; listAccountId: string | null }) {
      const cipher = await keyring.cipher();
      const link = await keyring.link();
      const found = await rows<{
        person_id: string;
        given_name: string;
        family_name: string;
        worksite_id: string;
        worksite_name: string;
        job_title: string;
        level: number | null;
        note: string | null;
        assessed_at: Date | null;
        assessed_by_name: string | null;
      }>(sql`
        select distinct on (w.name, p.family_name, p.given_name, p.id) p.id person_id, p.given_name, p.family_name, w.id worksite_id, w.name worksite_name, e.job_title,
          a.level, a.note, a.assessed_at, a.assessed_by_name
        from employments e join people p on p.id = e.person_id join worksites w on w.id = e.worksite_id
        left join lateral ${latestRating(link, sql`level, note, assessed_at, assessed_by_name`, asOf.endsAt)} a on true
        where ${currentEmployment(campaignId, asOf.day, scope)} ${filter.worksiteId ? sql`and e.worksite_id = ${filter.worksiteId}` : sql``}
          ${filter.level === 'unknown' ? sql`and a.level is null` : filter.level ? sql`and a.level = ${filter.level}` : sql``}
          ${listFilter(filter.listAccountId)}
        order by w.name, p.family_name, p.given_name, p.id`);
      return found.map((row) => ({ ...row, note: cipher.decryptText(row.note) }));
    },

    /**
     * Counts of latest levels among people in a unit on `asOf`, per unit and per worksite; with
     * `listAccountId`, only the people on that committee member's list.
     */
    async assessmentSummary(campaignId: string, asOf: AsOf, listAccountId: string | null = null) {
      const link = await keyring.link();
      return rows<{ unit_id: string; worksite_id: string; level: number | null; n: number }>(sql`
        select e.unit_id, e.worksite_id, a.level, count(distinct p.id)::int n
        from employments e join people p on p.id = e.person_id
        left join lateral ${latestRating(link, sql`level`, asOf.endsAt)} a on true
        where ${currentEmployment(campaignId, asOf.day, 'all')} and e.unit_id is not null ${listFilter(listAccountId)}
        group by e.unit_id, e.worksite_id, a.level`);
    },

    /**
     * The wall chart: people in a unit on `asOf`, with their latest level, whose list they are on,
     * and their verified card on that day (decision 0023: a card waiting for verification is no
     * card yet): signed (valid: within `validityMonths` of signing, not revoked), revoked, expired,
     * or none.
     */
    async wallChart(campaignId: string, scope: Scope, asOf: AsOf, validityMonths: number) {
      // Cards and ratings name their person by a keyed pseudonym (decision 0028), computed here per person.
      const link = await keyring.link();
      return rows<{ person_id: string; given_name: string; family_name: string; worksite_id: string; job_title: string; level: number | null; list_account_id: string | null; card_status: 'signed' | 'revoked' | 'expired' | null }>(sql`
        select distinct on (e.worksite_id, p.family_name, p.given_name, p.id) p.id person_id, p.given_name, p.family_name, e.worksite_id, e.job_title, a.level, ca.account_id list_account_id, k.status card_status
        from employments e join people p on p.id = e.person_id
        left join committee_assignments ca on ca.person_id = p.id
        left join lateral ${latestRating(link, sql`level`, asOf.endsAt)} a on true
        left join lateral (
          select case
            when bool_or((c.signed_on + make_interval(months => ${validityMonths}::int))::date > ${asOf.day}::date and (r.effective_on is null or r.effective_on > ${asOf.day}::date)) then 'signed'
            when bool_or(r.effective_on <= ${asOf.day}::date) then 'revoked'
            when count(*) > 0 then 'expired' end status
          from cards c left join card_revocations r on r.card_id = c.id
          where ${cardOfPersonSql(link, 'c', sql`p.id`)} and c.campaign_id = ${campaignId} and c.signed_on <= ${asOf.day}::date and ${verifiedCard}) k on true
        where ${currentEmployment(campaignId, asOf.day, scope)} and e.unit_id is not null
        order by e.worksite_id, p.family_name, p.given_name, p.id`);
    },

    // ---- conversations and tasks ----
    async addConversation(input: typeof conversations.$inferInsert, followUps: Omit<typeof tasks.$inferInsert, 'conversationId'>[]) {
      const cipher = await keyring.cipher();
      return db.transaction(async (tx) => {
        const sealed = { ...input, notes: cipher.encryptText(input.notes ?? ''), nextStep: cipher.encryptText(input.nextStep ?? '') };
        const [conversation] = await tx.insert(conversations).values(sealed).returning();
        if (!conversation) throw new Error('insert returned nothing');
        const created = followUps.length > 0 ? await tx.insert(tasks).values(followUps.map((t) => ({ ...t, conversationId: conversation.id }))).returning() : [];
        return { conversation: openConversation(cipher, conversation), tasks: created };
      });
    },

    async conversationsOf(personId: string): Promise<ConversationRow[]> {
      const cipher = await keyring.cipher();
      const found = await db.select().from(conversations).where(eq(conversations.personId, personId)).orderBy(desc(conversations.occurredAt));
      return found.map((row) => openConversation(cipher, row));
    },

    async addTask(input: typeof tasks.$inferInsert): Promise<TaskRow> {
      const [row] = await db.insert(tasks).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    async findTask(campaignId: string, taskId: string): Promise<TaskRow | undefined> {
      const [row] = await db.select().from(tasks).where(and(eq(tasks.campaignId, campaignId), eq(tasks.id, taskId)));
      return row;
    },

    async updateTask(taskId: string, patch: Partial<Pick<TaskRow, 'title' | 'dueDate' | 'assigneeAccountId' | 'doneAt'>>): Promise<TaskRow | undefined> {
      const [row] = await db.update(tasks).set(patch).where(eq(tasks.id, taskId)).returning();
      return row;
    },

    async tasksOfPerson(personId: string): Promise<TaskRow[]> {
      return db.select().from(tasks).where(eq(tasks.personId, personId)).orderBy(sql`${tasks.doneAt} is not null`, sql`${tasks.dueDate} asc nulls last`);
    },

    /** Tasks assigned to the account, open first and soonest due first, across its campaigns. */
    async tasksAssignedTo(accountId: string, includeDone: boolean) {
      return db
        .select({
          task: tasks,
          campaignId: campaigns.id,
          campaignSlug: campaigns.slug,
          campaignName: campaigns.name,
          role: memberships.role,
          personGivenName: people.givenName,
          personFamilyName: people.familyName,
        })
        .from(tasks)
        .innerJoin(campaigns, eq(campaigns.id, tasks.campaignId))
        .innerJoin(memberships, and(eq(memberships.campaignId, tasks.campaignId), eq(memberships.accountId, accountId)))
        .leftJoin(people, eq(people.id, tasks.personId))
        .where(and(eq(tasks.assigneeAccountId, accountId), includeDone ? undefined : isNull(tasks.doneAt)))
        .orderBy(sql`${tasks.doneAt} is not null`, sql`${tasks.dueDate} asc nulls last`, asc(tasks.createdAt))
        .limit(500);
    },

    // ---- committee lists ----
    async assign(campaignId: string, accountId: string, personIds: readonly string[], at: Date): Promise<void> {
      if (personIds.length === 0) return;
      await db
        .insert(committeeAssignments)
        .values(personIds.map((personId) => ({ personId, campaignId, accountId, assignedAt: at })))
        .onConflictDoUpdate({ target: committeeAssignments.personId, set: { accountId, assignedAt: at } });
    },

    async unassign(campaignId: string, accountId: string, personId: string): Promise<boolean> {
      const removed = await db
        .delete(committeeAssignments)
        .where(and(eq(committeeAssignments.campaignId, campaignId), eq(committeeAssignments.accountId, accountId), eq(committeeAssignments.personId, personId)))
        .returning({ personId: committeeAssignments.personId });
      return removed.length > 0;
    },

    async lists(campaignId: string, accountId: string | null) {
      return db
        .select({
          accountId: committeeAssignments.accountId,
          accountName: accounts.name,
          accountEmail: accounts.email,
          personId: people.id,
          givenName: people.givenName,
          familyName: people.familyName,
        })
        .from(committeeAssignments)
        .innerJoin(people, eq(people.id, committeeAssignments.personId))
        .innerJoin(accounts, eq(accounts.id, committeeAssignments.accountId))
        .where(and(eq(committeeAssignments.campaignId, campaignId), accountId ? eq(committeeAssignments.accountId, accountId) : undefined))
        .orderBy(asc(accounts.name), asc(people.familyName), asc(people.givenName));
    },

    /** Of these people, those employed on `asOf` at one of the worksites. */
    async employedAt(campaignId: string, personIds: readonly string[], worksiteIds: readonly string[], asOf: string): Promise<string[]> {
      if (personIds.length === 0 || worksiteIds.length === 0) return [];
      const found = await rows<{ person_id: string }>(sql`
        select distinct e.person_id from employments e
        where ${currentEmployment(campaignId, asOf, worksiteIds)} and e.person_id in (${sql.join(personIds.map((id) => sql`${id}::uuid`), sql`, `)})`);
      return found.map((r) => r.person_id);
    },

    /** Per person in scope on `asOf`: their worksite, list owner and last conversation. */
    async coverage(campaignId: string, scope: Scope, asOf: string) {
      return rows<{ person_id: string; given_name: string; family_name: string; worksite_id: string; list_account_id: string | null; list_account_name: string | null; last_conversation_at: Date | null }>(sql`
        select distinct on (e.worksite_id, p.family_name, p.given_name, p.id) p.id person_id, p.given_name, p.family_name, e.worksite_id,
          ca.account_id list_account_id, acc.name list_account_name,
          (select max(c.occurred_at) from conversations c where c.person_id = p.id) last_conversation_at
        from employments e join people p on p.id = e.person_id
        left join committee_assignments ca on ca.person_id = p.id left join accounts acc on acc.id = ca.account_id
        where ${currentEmployment(campaignId, asOf, scope)} and e.unit_id is not null
        order by e.worksite_id, p.family_name, p.given_name, p.id`);
    },

    async worksitesOf(campaignId: string, ids: Scope) {
      return db
        .select({ id: worksites.id, name: worksites.name })
        .from(worksites)
        .where(and(eq(worksites.campaignId, campaignId), ids === 'all' ? undefined : inArray(worksites.id, ids.length > 0 ? [...ids] : ['00000000-0000-0000-0000-000000000000'])))
        .orderBy(asc(worksites.name));
    },
  };
}

export type OrganizingRepository = ReturnType<typeof createOrganizingRepository>;
