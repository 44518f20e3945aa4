import type { CardRow } from '../../db/repositories/cards-repository.js';
import type { CardContent } from './card-hash.js';

/** The signed content of a stored card, as the hash covers it. */
export function cardContentOf(row: CardRow): CardContent {
  return {
    id: row.id,
    campaignId: row.campaignId,
    cardTextId: row.cardTextId,
    cardTextVersion: row.cardTextVersion,
    cardText: row.cardText,
    employerName: row.employerName,
    worksiteId: row.worksiteId,
    worksiteName: row.worksiteName,
    signerName: row.signerName,
    email: row.email,
    phone: row.phone,
    jobTitle: row.jobTitle,
    employeeId: row.employeeId,
    signedOn: row.signedOn,
    signedAt: row.signedAt,
    source: row.source,
    typedSignature: row.typedSignature,
    ip: row.ip,
    userAgent: row.userAgent,
  };
}
