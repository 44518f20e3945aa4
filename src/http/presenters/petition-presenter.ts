import type { OsdiPetition } from '../../contracts/osdi.js';
import type { HeldSignature, Petition } from '../../contracts/petitions.js';
import type { SignatureRow } from '../../db/repositories/petitions-repository.js';
import type { PublishedPetition } from '../../domain/petitions/list-published-petitions.js';
import { petitionPublicPath } from '../../domain/petitions/petition-public-path.js';
import type { PetitionView } from '../../domain/petitions/petition-view.js';

/** An OSDI petition resource (HAL). Aggregates only; its signatures link answers API keys alone. */
export function presentOsdiPetition(found: PublishedPetition, urls: { api: string; publicUrl: string }): OsdiPetition {
  const p = found.petition;
  const self = `${urls.api}/petitions/${p.id}`;
  return {
    identifiers: [`unionhall:${p.id}`],
    origin_system: 'Unionhall',
    created_date: p.createdAt.toISOString(),
    modified_date: p.updatedAt.toISOString(),
    title: p.title,
    name: p.slug,
    petition_text: p.text,
    browser_url: `${urls.publicUrl}${petitionPublicPath(found)}`,
    target: [{ name: p.target }],
    total_signatures: found.count,
    _links: {
      self: { href: self },
      'osdi:signatures': { href: `${self}/signatures` },
      // The spec's helper URL; Action Network's (a POST to the signatures) works as well.
      'osdi:record_signature_helper': { href: `${self}/record_signature_helper` },
    },
  };
}

export function presentPetition({ row: p, counts }: PetitionView): Petition {
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
export function presentHeldSignature(s: SignatureRow): HeldSignature {
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
