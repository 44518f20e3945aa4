import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { bargainingUnits, committeeAssignments, employments, people, worksites } from '../schema/index.js';

export type PersonRow = typeof people.$inferSelect;
export type EmploymentRow = typeof employments.$inferSelect;
export type PersonFields = {
  givenName: string;
  familyName: string;
  employeeId: string | null;
  workEmail: string | null;
  personalEmail: string | null;
  phone: string | null;
};
export type EmploymentInput = { worksiteId: string; unitId: string | null; jobTitle: string; startDate: string };

const isUniqueViolation = (err: unknown): boolean => (err as { code?: string }).code === '23505' || (err as { cause?: { code?: string } }).cause?.code === '23505';

// One person's record and employment history, edited by hand.
export function createPersonRecordsRepository(db: Executor) {
  return {
    async find(campaignId: string, personId: string): Promise<PersonRow | undefined> {
      const [row] = await db.select().from(people).where(and(eq(people.campaignId, campaignId), eq(people.id, personId)));
      return row;
    },

    async employmentHistory(personId: string) {
      return db
        .select({
          id: employments.id,
          worksiteId: employments.worksiteId,
          worksiteName: worksites.name,
          unitId: employments.unitId,
          unitName: bargainingUnits.name,
          jobTitle: employments.jobTitle,
          startDate: employments.startDate,
          endDate: employments.endDate,
        })
        .from(employments)
        .innerJoin(worksites, eq(worksites.id, employments.worksiteId))
        .leftJoin(bargainingUnits, eq(bargainingUnits.id, employments.unitId))
        .where(eq(employments.personId, personId))
        .orderBy(desc(employments.startDate));
    },

    /**
     * Where the person works for access checks: the worksites of employments current on `asOf`,
     * or, for someone who has left, of their last employment. Plus whose list they are on.
     */
    async scope(campaignId: string, personId: string, asOf: string): Promise<{ worksiteIds: string[]; listAccountId: string | null } | undefined> {
      const rows = await db
        .select({ worksiteId: employments.worksiteId, startDate: employments.startDate, endDate: employments.endDate })
        .from(employments)
        .where(and(eq(employments.campaignId, campaignId), eq(employments.personId, personId)))
        .orderBy(desc(employments.startDate));
      const [assignment] = await db.select({ accountId: committeeAssignments.accountId }).from(committeeAssignments).where(eq(committeeAssignments.personId, personId));
      const person = await this.find(campaignId, personId);
      if (!person) return undefined;
      const current = rows.filter((r) => r.startDate <= asOf && (r.endDate === null || r.endDate >= asOf));
      const chosen = current.length > 0 ? current : rows.slice(0, 1);
      return { worksiteIds: chosen.map((r) => r.worksiteId), listAccountId: assignment?.accountId ?? null };
    },

    /** Creates a person and their first employment; `conflict` when the employee id is taken. */
    async create(campaignId: string, fields: PersonFields, employment: EmploymentInput): Promise<PersonRow | 'duplicate_employee_id'> {
      try {
        return await db.transaction(async (tx) => {
          const [person] = await tx.insert(people).values({ campaignId, ...fields }).returning();
          if (!person) throw new Error('insert returned nothing');
          await tx.insert(employments).values({ personId: person.id, campaignId, ...employment });
          return person;
        });
      } catch (err) {
        if (isUniqueViolation(err)) return 'duplicate_employee_id';
        throw err;
      }
    },

    async update(campaignId: string, personId: string, fields: Partial<PersonFields>): Promise<PersonRow | 'duplicate_employee_id' | undefined> {
      try {
        const [row] = await db
          .update(people)
          .set(fields)
          .where(and(eq(people.campaignId, campaignId), eq(people.id, personId)))
          .returning();
        return row;
      } catch (err) {
        if (isUniqueViolation(err)) return 'duplicate_employee_id';
        throw err;
      }
    },

    /**
     * Ends the employments current on `effectiveDate` the day before it and, unless the person
     * leaves, starts the new one on it. Refuses to rewrite history: the effective date must come
     * after the start of every existing employment.
     */
    async changeEmployment(campaignId: string, personId: string, effectiveDate: string, next: Omit<EmploymentInput, 'startDate'> | null): Promise<'ok' | 'not_employed' | 'out_of_order'> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select id from ${people} where ${people.id} = ${personId} for update`);
        const history = await tx
          .select()
          .from(employments)
          .where(and(eq(employments.campaignId, campaignId), eq(employments.personId, personId)))
          .orderBy(asc(employments.startDate));
        if (history.some((e) => e.startDate >= effectiveDate)) return 'out_of_order';
        const current = history.filter((e) => e.endDate === null || e.endDate >= effectiveDate);
        if (current.length === 0 && next === null) return 'not_employed';
        for (const e of current) {
          await tx
            .update(employments)
            .set({ endDate: sql`${effectiveDate}::date - 1` })
            .where(eq(employments.id, e.id));
        }
        if (next) await tx.insert(employments).values({ personId, campaignId, ...next, startDate: effectiveDate });
        return 'ok';
      });
    },
  };
}

export type PersonRecordsRepository = ReturnType<typeof createPersonRecordsRepository>;
