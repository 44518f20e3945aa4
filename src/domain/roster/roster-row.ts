import type { StagedRow } from '../../db/repositories/roster-import-repository.js';
import { isDay } from '../calendar.js';
import type { ColumnMapping, RosterField } from './roster-mapping.js';

/** One CSV line, validated and resolved against the campaign's worksites and units. */
export type { StagedRow };

export type RowLookups = {
  /** Lower-cased, space-collapsed worksite name → id. */
  worksites: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, string>;
};

export const lookupKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_FIELD = 300;

/** Accepts 2015-04-24 and 4/24/2015; returns ISO or null. */
export function parseRosterDate(value: string): string | null {
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (us) [y, m, d] = [Number(us[3]), Number(us[1]), Number(us[2])];
  else return null;
  const day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return y >= 1900 && y <= 2200 && isDay(day) ? day : null;
}

/** Builds the column positions once per file: field → index in the record. */
export function indexMapping(headers: readonly string[], mapping: ColumnMapping): Partial<Record<RosterField, number>> {
  const positions: Partial<Record<RosterField, number>> = {};
  headers.forEach((header, i) => {
    const target = mapping[header];
    if (target && target !== 'ignore') positions[target] = i;
  });
  return positions;
}

/** Validates one record. Never throws: a bad row becomes `invalid` with a reason a person can act on. */
export function toStagedRow(line: number, record: readonly string[], positions: Partial<Record<RosterField, number>>, lookups: RowLookups): StagedRow {
  const cell = (field: RosterField): string | null => {
    const i = positions[field];
    if (i === undefined) return null;
    const value = (record[i] ?? '').trim().replace(/\s+/g, ' ');
    return value === '' ? null : value;
  };
  const problems: string[] = [];
  const row: StagedRow = {
    line,
    employeeId: cell('employeeId'),
    givenName: cell('givenName'),
    familyName: cell('familyName'),
    workEmail: cell('workEmail')?.toLowerCase() ?? null,
    personalEmail: cell('personalEmail')?.toLowerCase() ?? null,
    phone: cell('phone'),
    worksiteId: null,
    unitId: null,
    unitGiven: positions.unit !== undefined,
    jobTitle: cell('jobTitle'),
    startDate: null,
    invalid: null,
  };
  for (const [field, label] of [['givenName', 'first name'], ['familyName', 'last name'], ['jobTitle', 'job title']] as const) {
    if (!row[field]) problems.push(`${label} is missing`);
  }
  for (const field of ['employeeId', 'givenName', 'familyName', 'workEmail', 'personalEmail', 'phone', 'jobTitle'] as const) {
    if ((row[field]?.length ?? 0) > MAX_FIELD) problems.push(`${field} is longer than ${MAX_FIELD} characters`);
  }
  if (!row.employeeId && !row.workEmail && !row.personalEmail) problems.push('needs an employee id or an email to merge on');
  if (row.workEmail && !emailPattern.test(row.workEmail)) problems.push(`work email "${row.workEmail}" is not an email address`);
  if (row.personalEmail && !emailPattern.test(row.personalEmail)) problems.push(`personal email "${row.personalEmail}" is not an email address`);
  const site = cell('worksite');
  if (!site) problems.push('school is missing');
  else {
    row.worksiteId = lookups.worksites.get(lookupKey(site)) ?? null;
    if (!row.worksiteId) problems.push(`school "${site.slice(0, 80)}" is not a worksite of this campaign`);
  }
  const unit = cell('unit');
  if (unit) {
    row.unitId = lookups.units.get(lookupKey(unit)) ?? null;
    if (!row.unitId) problems.push(`unit "${unit.slice(0, 80)}" is not a bargaining unit of this campaign`);
  }
  const start = cell('startDate');
  if (start) {
    row.startDate = parseRosterDate(start);
    if (!row.startDate) problems.push(`start date "${start.slice(0, 40)}" is not a date (use YYYY-MM-DD or M/D/YYYY)`);
  }
  row.invalid = problems.length > 0 ? problems.join('; ') : null;
  return row;
}
