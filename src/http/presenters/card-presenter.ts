import type { CardDetail, CardSummary, CardText, Employer, ReviewCard } from '../../contracts/cards.js';
import type { CardTextRow, EmployerRow } from '../../db/repositories/cards-repository.js';
import type { CardWithStanding } from '../../domain/cards/card-standing.js';
import type { ReviewCandidate } from '../../domain/cards/list-cards-for-review.js';
import type { CardView } from '../../domain/cards/view-card.js';

/** A card in a list: who signed where and when, and its standing today. */
export function presentCardSummary({ row, status, expiresOn, state, needs }: CardWithStanding): CardSummary {
  return {
    id: row.id,
    signerName: row.signerName,
    worksiteId: row.worksiteId,
    worksiteName: row.worksiteName,
    jobTitle: row.jobTitle,
    signedOn: row.signedOn,
    source: row.source,
    status,
    expiresOn,
    revokedOn: row.revokedOn,
    match: { status: row.matchStatus, method: row.matchMethod, personId: row.personId, personName: row.personName },
    state,
    needs,
    signerAnswer: row.confirmation ? { answer: row.confirmation.answer, method: row.confirmation.method, answeredAt: row.confirmation.answeredAt.toISOString(), note: row.confirmation.note } : null,
    verification: row.verification
      ? { method: row.verification.method, personId: row.verification.personId, verifiedAt: row.verification.verifiedAt.toISOString(), verifiedBy: row.verification.verifiedByName, note: row.verification.note }
      : null,
    dismissal: row.dismissal ? { reason: row.dismissal.reason, dismissedAt: row.dismissal.dismissedAt.toISOString() } : null,
  };
}

/** A card waiting for an organizer's decision, with the roster people it might be. */
export function presentReviewCard(item: CardWithStanding & { candidates: ReviewCandidate[] }): ReviewCard {
  return {
    ...presentCardSummary(item),
    email: item.row.email,
    employeeId: item.row.employeeId,
    candidates: item.candidates.map((c) => ({ personId: c.id, name: `${c.givenName} ${c.familyName}`, employeeId: c.employeeId, worksiteName: c.worksiteName, reason: c.reason, similarity: c.similarity })),
  };
}

/** Everything on the card, plus the stored hash and whether it still matches the content. */
export function presentCardDetail(view: CardView): CardDetail {
  const { row, confirmation } = view;
  return {
    ...presentCardSummary(view),
    email: row.email,
    phone: row.phone,
    employeeId: row.employeeId,
    employerName: row.employerName,
    cardTextVersion: row.cardTextVersion,
    cardText: row.cardText,
    signedAt: row.signedAt?.toISOString() ?? null,
    typedSignature: row.typedSignature,
    ip: row.ip,
    userAgent: row.userAgent,
    createdAt: row.createdAt.toISOString(),
    revocationReason: row.revocationReason,
    contentHash: row.contentHash,
    hashVerified: view.hashVerified,
    scan: view.scan,
    confirmation: confirmation ? { id: confirmation.id, to: confirmation.toAddress, createdAt: confirmation.createdAt.toISOString(), sentAt: confirmation.sentAt?.toISOString() ?? null, error: confirmation.error } : null,
  };
}

export function presentCardText(row: CardTextRow): CardText {
  return { id: row.id, version: row.version, language: row.language, title: row.title, body: row.body, createdAt: row.createdAt.toISOString(), approvedAt: row.approvedAt?.toISOString() ?? null };
}

export function presentEmployer(row: EmployerRow): Employer {
  return { id: row.id, name: row.name, emailDomains: row.emailDomains };
}
