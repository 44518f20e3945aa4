import { AppError } from '../../errors.js';
import { isDay } from '../calendar.js';
import { osdiFilterFields, osdiFilterOperators, type OsdiCondition, type OsdiFilterField, type OsdiFilterOperator } from '../../vocabulary/osdi-filter.js';

// field op 'value' (single quotes; '' inside is a quote, as in OData) or a bare number.
const CONDITION = /^\s*([a-z_]+)\s+([a-z]+)\s+(?:'((?:[^']|'')*)'|([^\s']+))\s*$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const refuse = (reason: string) => new AppError('validation_failed', `The filter ${reason}.`, [{ field: 'query.filter', reason }]);

/**
 * Parses the OData subset of OSDI's `filter=` (decision 0029): conditions with `eq`, `gt` or
 * `lt`, joined by `and`, on `modified_date`, `created_date`, `identifiers` and `email`, e.g.
 * `modified_date gt '2014-03-25T14:00:00Z' and email eq 'a@b.org'`. Anything else is a 400 that
 * says what is wrong: an ignored filter would hand a "what changed since" sync everything.
 */
export function parseOsdiFilter(filter: string | undefined): OsdiCondition[] {
  if (filter === undefined || filter.trim() === '') return [];
  if (filter.length > 1000) throw refuse('is too long');
  // Split on `and` outside quotes.
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  const words = filter.split(/(\s+and\s+)/i);
  for (const word of words) {
    if (!quoted && /^\s+and\s+$/i.test(word)) {
      parts.push(current);
      current = '';
      continue;
    }
    current += word;
    quoted = (current.split("'").length - 1) % 2 === 1;
  }
  parts.push(current);
  return parts.map((part) => {
    const match = CONDITION.exec(part);
    if (!match) throw refuse(`has a condition it cannot read: "${part.trim()}" (write: field eq|gt|lt 'value', joined by and)`);
    const field = match[1]!.toLowerCase();
    const op = match[2]!.toLowerCase();
    const value = match[3] !== undefined ? match[3].replace(/''/g, "'") : (match[4] ?? '');
    if (!(osdiFilterFields as readonly string[]).includes(field)) throw refuse(`cannot filter on ${field} (only ${osdiFilterFields.join(', ')})`);
    if (!(osdiFilterOperators as readonly string[]).includes(op)) throw refuse(`has an operator it does not support: ${op} (only eq, gt, lt)`);
    const f = field as OsdiFilterField;
    const o = op as OsdiFilterOperator;
    if (f === 'modified_date' || f === 'created_date') {
      if (!DAY.test(value) && !INSTANT.test(value)) throw refuse(`needs a date for ${f}, like '2014-03-25' or '2014-03-25T14:00:00Z'`);
      const at = new Date(DAY.test(value) ? `${value}T00:00:00Z` : value);
      if (Number.isNaN(at.getTime()) || !isDay(value.slice(0, 10))) throw refuse(`has a date that does not exist: ${value}`);
      return { kind: 'date', field: f, op: o, value: at };
    }
    if (o !== 'eq') throw refuse(`can only compare ${f} with eq`);
    if (value === '' || value.length > 254) throw refuse(`needs a value for ${f}`);
    return { kind: 'text', field: f, op: 'eq', value };
  });
}
