import { AppError } from '../../errors.js';

/** Collections that cannot be filtered say so (400 naming `query.filter`) rather than ignore it: an ignored filter hands a sync everything. */
export function refuseOsdiFilter(filter: string | undefined, collection: string): void {
  if (filter !== undefined && filter.trim() !== '') throw new AppError('validation_failed', `The ${collection} cannot be filtered.`, [{ field: 'query.filter', reason: `${collection} cannot be filtered` }]);
}
