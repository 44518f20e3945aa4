import { and, desc, eq, sql } from 'drizzle-orm';
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

    /** The person's employments in this campaign, latest first (access checks read them). */
    async employmentSpans(campaignId: string, personId: string): Promise<{ id: string; worksiteId: string; startDate: string; endDate: string | null }[]> {
      return db
        .select({ id: employments.id, worksiteId: employments.worksiteId, startDate: employments.startDate, endDate: employments.endDate })
        .from(employments)
        .where(and(eq(employments.campaignId, campaignId), eq(employments.personId, personId)))
        .orderBy(desc(employments.startDate));
    },

    /** The committee member whose list the person is on, if any. */
    async listOwnerOf(personId: string): Promise<string | null> {
      const [assignment] = await db.select({ accountId: committeeAssignments.accountId }).from(committeeAssignments).where(eq(committeeAssignments.personId, personId));
      return assignment?.accountId ?? null;
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

    /** Holds the person's row until the transaction ends, so two changes of employment take turns. */
    async lockPerson(personId: string): Promise<void> {
      await db.execute(sql`select id from ${people} where ${people.id} = ${personId} for update`);
    },

    async endEmployment(employmentId: string, endDate: string): Promise<void> {
      await db.update(employments).set({ endDate }).where(eq(employments.id, employmentId));
    },

    async addEmployment(campaignId: string, personId: string, employment: EmploymentInput): Promise<void> {
      await db.insert(employments).values({ personId, campaignId, ...employment });
    },
  };
}

export type PersonRecordsRepository = ReturnType<typeof createPersonRecordsRepository>;
