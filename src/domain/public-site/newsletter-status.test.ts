import { describe, expect, it } from 'vitest';
import { isNewsletterPublic, resolvePublishAt } from './newsletter-status.js';

const now = new Date('2015-06-20T12:00:00Z');
const later = new Date('2015-06-21T12:00:00Z');
const earlier = new Date('2015-04-24T12:00:00Z');

describe('newsletter status', () => {
  it('shows published and due issues only', () => {
    expect(isNewsletterPublic({ status: 'published', publishAt: earlier }, now)).toBe(true);
    expect(isNewsletterPublic({ status: 'scheduled', publishAt: earlier }, now)).toBe(true);
    expect(isNewsletterPublic({ status: 'scheduled', publishAt: later }, now)).toBe(false);
    expect(isNewsletterPublic({ status: 'draft', publishAt: earlier }, now)).toBe(false);
    expect(isNewsletterPublic({ status: 'published', publishAt: null }, now)).toBe(false);
  });

  it('publishes now by default and refuses to schedule without a date', () => {
    expect(resolvePublishAt('published', undefined, null, now)).toEqual(now);
    expect(resolvePublishAt('published', undefined, earlier, now)).toEqual(earlier);
    expect(resolvePublishAt('scheduled', later, null, now)).toEqual(later);
    expect(() => resolvePublishAt('scheduled', undefined, null, now)).toThrow(/publication date/);
    expect(resolvePublishAt('draft', undefined, earlier, now)).toEqual(earlier);
  });
});
