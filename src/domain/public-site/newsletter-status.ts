import type { newsletterStatuses } from '../../db/schema/public-site.js';
import { AppError } from '../../errors.js';

export type NewsletterStatus = (typeof newsletterStatuses)[number];

/** Public once published or scheduled, and its publication time has come. Drafts never. */
export function isNewsletterPublic(n: { status: NewsletterStatus; publishAt: Date | null }, now: Date): boolean {
  return n.status !== 'draft' && n.publishAt !== null && n.publishAt.getTime() <= now.getTime();
}

/**
 * The publication time to store for a requested status: publishing without a date means now;
 * scheduling needs a date; a draft keeps whatever date it had (it is ignored until published).
 */
export function resolvePublishAt(status: NewsletterStatus, requested: Date | null | undefined, previous: Date | null, now: Date): Date | null {
  if (status === 'published') return requested ?? previous ?? now;
  if (status === 'scheduled') {
    const at = requested ?? previous;
    if (!at) throw new AppError('validation_failed', 'A scheduled newsletter needs a publication date.', [{ field: 'publishAt', reason: 'is required to schedule' }]);
    return at;
  }
  return requested === undefined ? previous : requested;
}
