import { stringify } from '../csv.js';
import type { RosterRow } from '../../db/repositories/people-repository.js';

/** The roster export: one row per person employed on the day, the columns an employer's file has, and the phone on file (issue 12: admins call from it). */
export function rosterCsv(people: readonly RosterRow[]): string {
  return stringify([...people], { header: true, columns: ['givenName', 'familyName', 'employeeId', 'workEmail', 'phone', 'worksiteName', 'jobTitle', 'unitName'] });
}
