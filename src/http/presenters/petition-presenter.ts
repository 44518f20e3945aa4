import type { PetitionRow, SignatureRow } from '../../db/repositories/petitions-repository.js';

/** An OSDI petition resource (HAL). Aggregates only: the signatures link is never offered in public. */
export function presentOsdiPetition(p: PetitionRow, count: number, urls: { api: string; browser: string }) {
  const self = `${urls.api}/petitions/${p.id}`;
  return {
    identifiers: [`unionhall:${p.id}`],
    origin_system: 'Unionhall',
    created_date: p.createdAt.toISOString(),
    modified_date: p.updatedAt.toISOString(),
    title: p.title,
    name: p.slug,
    petition_text: p.text,
    browser_url: urls.browser,
    target: [{ name: p.target }],
    total_signatures: count,
    _links: {
      self: { href: self },
      'osdi:record_signature_helper': { href: `${self}/signatures` },
    },
  };
}

export function presentPetition(p: PetitionRow, counts: Record<SignatureRow['status'], number>) {
  return {
    id: p.id,
    slug: p.slug,
    title: p.title,
    text: p.text,
    target: p.target,
    goal: p.goal,
    published: p.published,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
    signatures: { confirmed: counts.confirmed, pendingConfirmation: counts.pending_confirmation, heldForReview: counts.held_for_review },
  };
}

/** For reviewers of held signatures (public.manage): what they need to judge, no more. */
export function presentHeldSignature(s: SignatureRow) {
  return {
    id: s.id,
    givenName: s.givenName,
    familyName: s.familyName,
    email: s.email,
    postalCode: s.postalCode,
    city: s.city,
    relationship: s.relationship,
    comment: s.comment,
    holdReason: s.holdReason,
    emailConfirmed: s.confirmedAt !== null,
    source: s.source,
    createdAt: s.createdAt.toISOString(),
    // Same value = same network; the address itself is never stored.
    ipGroup: s.ipHash ? s.ipHash.slice(0, 8) : null,
  };
}
