import { AppError } from '../../errors.js';

/**
 * A client may say which zone it typed the times in; it must be the campaign's, or the times
 * would be read in a zone the organizer did not see.
 */
export function checkEventZone(given: string | undefined, campaign: { timeZone: string }): void {
  if (given !== undefined && given !== campaign.timeZone) {
    throw new AppError('validation_failed', `Event times are in the campaign's time zone, ${campaign.timeZone}.`, [{ field: 'timeZone', reason: `is not the campaign's time zone (${campaign.timeZone})` }]);
  }
}
