import { stringify as stringifyCsv, type Input, type Options } from 'csv-stringify/sync';
import { defuseCell } from './spreadsheet-cell.js';

/**
 * Every CSV the product writes goes through here: each text cell that a spreadsheet would run as
 * a formula (=, +, -, @, tab, CR at its start) is defused with a leading apostrophe. Names,
 * comments and titles come from the public and from rosters; opening an export must not run them.
 * ESLint allows csv-stringify nowhere else.
 */
export function stringify(input: Input, options: Omit<Options, 'cast'> = {}): string {
  return stringifyCsv(input, { ...options, cast: { string: (value) => defuseCell(value) } });
}
