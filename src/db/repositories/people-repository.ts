import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { bargainingUnits, employments, people, worksites } from '../schema/index.js';

export type RosterRow = {
  personId: string;
  givenName: string;
  familyName: string;
  workEmail: string | null;
  phone: string | null;
  employeeId: string | null;
  worksiteId: string;
  worksiteName: string;
  jobTitle: string;
  unitName: string | null;
};

export function createPeopleRepository(db: Executor) {
  return {
    /** People employed on `asOf`, limited to the given worksites ('all' for every one). */
    async listRoster(campaignId: string, scope: 'all' | readonly string[], asOf: string): Promise<RosterRow[]> {
      if (scope !== 'all' && scope.length === 0) return [];
      return db
        .select({
          personId: people.id,
          givenName: people.givenName,
          familyName: people.familyName,
          workEmail: people.workEmail,
          phone: people.phone,
          employeeId: people.employeeId,
          worksiteId: worksites.id,
          worksiteName: worksites.name,
          jobTitle: employments.jobTitle,
          unitName: bargainingUnits.name,
        })
        .from(employments)
        .innerJoin(people, eq(people.id, employments.personId))
        .innerJoin(worksites, eq(worksites.id, employments.worksiteId))
        .leftJoin(bargainingUnits, eq(bargainingUnits.id, employments.unitId))
        .where(
          and(
            eq(employments.campaignId, campaignId),
            sql`${employments.startDate} <= ${asOf}`,
            sql`(${employments.endDate} is null or ${employments.endDate} >= ${asOf})`,
            scope === 'all' ? undefined : inArray(employments.worksiteId, [...scope]),
          ),
        )
        .orderBy(asc(worksites.name), asc(people.familyName), asc(people.givenName));
    },
  };
}

export type PeopleRepository = ReturnType<typeof createPeopleRepository>;
