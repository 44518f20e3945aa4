import type { Publication } from '../../contracts/public-numbers.js';
import type { PublicationRow } from '../../db/repositories/public-numbers-repository.js';

export function presentPublication(row: PublicationRow): Publication {
  return {
    id: row.id,
    asOf: row.asOf,
    granularity: row.granularity,
    educators: row.educators,
    schools: row.schools,
    educatorsShown: row.educatorsShown,
    schoolsShown: row.schoolsShown,
    automatic: row.automatic,
    publishedAt: row.publishedAt.toISOString(),
  };
}
