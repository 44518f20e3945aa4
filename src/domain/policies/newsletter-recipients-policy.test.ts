import { describe, expect, it } from 'vitest';
import { mayListNewsletterRecipients } from './newsletter-recipients-policy.js';

describe('mayListNewsletterRecipients', () => {
  it('lets those who see every card list recipients one by one', () => {
    expect(mayListNewsletterRecipients({ role: 'admin', worksiteIds: [] })).toBe(true);
    expect(mayListNewsletterRecipients({ role: 'organizer', worksiteIds: [] })).toBe(true);
  });

  it('refuses a committee member, even with worksites, and a viewer: they may not learn who signed', () => {
    expect(mayListNewsletterRecipients({ role: 'committee', worksiteIds: ['6a1f0000-0000-4000-8000-000000000001'] })).toBe(false);
    expect(mayListNewsletterRecipients({ role: 'viewer', worksiteIds: [] })).toBe(false);
  });
});
