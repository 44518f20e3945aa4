import type { NewsletterRow } from '../../db/repositories/newsletters-repository.js';
import { isNewsletterPublic } from '../public-site/newsletter-status.js';

/** A newsletter as organizers see it: the row, and whether the public can read it at this instant. */
export type NewsletterView = { row: NewsletterRow; isPublic: boolean };

export function viewOfNewsletter(row: NewsletterRow, now: Date): NewsletterView {
  return { row, isPublic: isNewsletterPublic(row, now) };
}
