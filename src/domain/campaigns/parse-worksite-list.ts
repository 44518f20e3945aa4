import { parse } from 'csv-parse/sync';
import { AppError } from '../../errors.js';

export type WorksiteLine = { name: string; city: string | null; employer: string | null };

/**
 * Schools as an organizer pastes them: one per line, "name" or "name, city" or
 * "name, city, employer" (a spreadsheet's columns pasted as CSV or with tabs work too). A first
 * line that reads like column names (name/school, city, employer) is skipped. Quotes keep a comma
 * inside a name.
 */
export function parseWorksiteList(text: string): WorksiteLine[] {
  const delimiter = text.includes('\t') ? '\t' : ',';
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/u, ''), { delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, bom: true }) as string[][];
  } catch (err) {
    throw new AppError('validation_failed', 'The list could not be read.', [{ field: 'list', reason: err instanceof Error ? err.message : 'is not a list' }]);
  }
  const first = records[0]?.map((c) => c.toLowerCase());
  if (first && (first[0] === 'name' || first[0] === 'school' || first[0] === 'worksite') && (first.length === 1 || first[1] === 'city')) records = records.slice(1);
  return records
    .filter((r) => (r[0] ?? '').trim() !== '')
    .map((r) => ({ name: (r[0] ?? '').trim(), city: r[1]?.trim() || null, employer: r[2]?.trim() || null }));
}
