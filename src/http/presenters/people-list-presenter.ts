import type { ListedPersonResponse } from '../../contracts/people-list.js';
import type { ListedPerson } from '../../domain/people/list-people.js';

/** One row of the people list, field by field: what the contract names and nothing else. */
export function presentListedPerson(p: ListedPerson): ListedPersonResponse {
  return {
    personId: p.personId,
    givenName: p.givenName,
    familyName: p.familyName,
    phone: p.phone,
    workEmail: p.workEmail,
    worksiteId: p.worksiteId,
    worksiteName: p.worksiteName,
    unitId: p.unitId,
    unitName: p.unitName,
    jobTitle: p.jobTitle,
    assigneeAccountId: p.assigneeAccountId,
    assigneeName: p.assigneeName,
    level: p.level,
    card: p.card,
    lastContactAt: p.lastContactAt?.toISOString() ?? null,
    detailHidden: p.detailHidden,
  };
}
