import { AppError } from '../../errors.js';

// The roster fields a CSV column can fill. Everything else in an employer's export is ignored.
export const rosterFields = [
  'employeeId',
  'givenName',
  'familyName',
  'workEmail',
  'personalEmail',
  'phone',
  'worksite',
  'jobTitle',
  'unit',
  'startDate',
] as const;
export type RosterField = (typeof rosterFields)[number];
export type ColumnTarget = RosterField | 'ignore';
/** CSV header → roster field. */
export type ColumnMapping = Record<string, ColumnTarget>;

const synonyms: Record<RosterField, readonly string[]> = {
  employeeId: ['employeeid', 'empid', 'employeenumber', 'employeeno', 'staffid', 'staffnumber', 'id'],
  givenName: ['givenname', 'firstname', 'first', 'given', 'fname', 'legalfirstname'],
  familyName: ['familyname', 'lastname', 'last', 'family', 'lname', 'surname', 'legallastname'],
  workEmail: ['workemail', 'email', 'emailaddress', 'schoolemail', 'workemailaddress'],
  personalEmail: ['personalemail', 'homeemail', 'personalemailaddress'],
  phone: ['phone', 'phonenumber', 'mobile', 'cell', 'cellphone', 'mobilephone'],
  worksite: ['worksite', 'school', 'schoolname', 'site', 'campus', 'location'],
  jobTitle: ['jobtitle', 'title', 'position', 'job', 'positiontitle'],
  unit: ['unit', 'bargainingunit'],
  startDate: ['startdate', 'hiredate', 'datehired', 'start', 'hired'],
};

const ambiguousEmailHeaders = new Set(['email', 'emailaddress', 'mail', 'email1']);

const normalizeHeader = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A best guess from the headers alone: exact synonyms, each field used once. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<RosterField>();
  for (const header of headers) {
    const key = normalizeHeader(header);
    const field = rosterFields.find((f) => !used.has(f) && synonyms[f].includes(key));
    mapping[header] = field ?? 'ignore';
    if (field) used.add(field);
  }
  return mapping;
}

/**
 * The mapping for this file: what the organizer gave, else what the campaign used last time,
 * else the guess. Refuses a mapping that cannot produce a valid row.
 */
export function resolveMapping(headers: readonly string[], explicit: Partial<ColumnMapping>, remembered: Partial<ColumnMapping>): ColumnMapping {
  const problems: string[] = [];
  for (const header of Object.keys(explicit)) {
    if (!headers.includes(header)) problems.push(`column "${header}" is not in the file (columns: ${headers.join(', ')})`);
  }
  const guessed = guessMapping(headers);
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const chosen = explicit[header] ?? remembered[header];
    // A column named just "Email" may be the school address or a personal one: taking it as the
    // work email by guess would send card confirmations where the employer reads them, or merge
    // people wrongly. The organizer says which.
    if (chosen === undefined && ambiguousEmailHeaders.has(normalizeHeader(header))) {
      problems.push(`column "${header}" could be the work email or a personal email: choose which (workEmail or personalEmail) for it`);
    }
    mapping[header] = chosen ?? guessed[header] ?? 'ignore';
  }
  const counts = new Map<RosterField, string[]>();
  for (const [header, target] of Object.entries(mapping)) {
    if (target !== 'ignore') counts.set(target, [...(counts.get(target) ?? []), header]);
  }
  for (const [field, columns] of counts) if (columns.length > 1) problems.push(`${field} is mapped from several columns (${columns.join(', ')})`);
  for (const field of ['givenName', 'familyName', 'worksite', 'jobTitle'] as const) if (!counts.has(field)) problems.push(`no column is mapped to ${field}`);
  if (!counts.has('employeeId') && !counts.has('workEmail') && !counts.has('personalEmail')) problems.push('no column is mapped to employeeId or an email (needed to merge)');
  if (problems.length > 0) {
    throw new AppError('validation_failed', `The column mapping does not work: ${problems.join('; ')}.`, problems.map((reason) => ({ field: 'mapping', reason })));
  }
  return mapping;
}

/** Parses `col=field` pairs (the CLI's --map). */
export function parseMappingPairs(pairs: readonly string[]): Partial<ColumnMapping> {
  const mapping: Partial<ColumnMapping> = {};
  for (const pair of pairs) {
    const at = pair.lastIndexOf('=');
    const column = pair.slice(0, at).trim();
    const target = pair.slice(at + 1).trim();
    if (at <= 0 || !isColumnTarget(target)) {
      throw new AppError('validation_failed', `--map ${pair}: expected COLUMN=FIELD with FIELD one of ${[...rosterFields, 'ignore'].join(', ')}`, [{ field: 'mapping', reason: `bad pair "${pair}"` }]);
    }
    mapping[column] = target;
  }
  return mapping;
}

export function isColumnTarget(value: string): value is ColumnTarget {
  return value === 'ignore' || (rosterFields as readonly string[]).includes(value);
}
