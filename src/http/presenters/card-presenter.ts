import type { CardListRow, CardTextRow } from '../../db/repositories/cards-repository.js';
import type { CardStatus } from '../../domain/cards/card-validity.js';

/** A card in a list: who signed where and when, and its standing today. */
export function presentCardSummary(row: CardListRow, status: CardStatus, expiresOn: string) {
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
  };
}

/** Everything on the card, plus the stored hash and whether it still matches the content. */
export function presentCardDetail(row: CardListRow, status: CardStatus, expiresOn: string, hashVerified: boolean, extra: { scan: { filename: string; contentType: string; byteSize: number; sha256: string } | null; confirmation: { id: string; to: string; createdAt: string; sentAt: string | null; error: string | null } | null }) {
  return {
    ...presentCardSummary(row, status, expiresOn),
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
    hashVerified,
    scan: extra.scan,
    confirmation: extra.confirmation,
  };
}

export function presentCardText(row: CardTextRow) {
  return { id: row.id, version: row.version, title: row.title, body: row.body, createdAt: row.createdAt.toISOString() };
}
