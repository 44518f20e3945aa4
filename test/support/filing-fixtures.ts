import { hashCard, type CardContent } from '../../src/domain/cards/card-hash.js';
import type { FilingCard, FilingEmployment, PacketInput } from '../../src/domain/filing/filing-packet.js';

// Builders for filing-packet inputs (the roster's employments, the cards, the packet request),
// shared by the packet's and the PDF's unit tests.

export const UNIT = '00000000-0000-4000-8000-0000000000a1';
export const OTHER_UNIT = '00000000-0000-4000-8000-0000000000b2';
export const SITE_A = '00000000-0000-4000-8000-00000000000a';
export const SITE_B = '00000000-0000-4000-8000-00000000000b';
export const FILING = '2015-06-15';

let seq = 0;
export const id = (): string => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

export function employment(personId: string, over: Partial<FilingEmployment> = {}): FilingEmployment {
  return {
    id: id(),
    personId,
    worksiteId: SITE_A,
    unitId: UNIT,
    startDate: '2014-08-15',
    endDate: null,
    jobTitle: 'Teacher',
    worksiteName: 'Alder Prep',
    employerName: 'Alder Prep Inc.',
    givenName: `Given${personId.slice(-3)}`,
    familyName: `Family${personId.slice(-3)}`,
    employeeId: null,
    ...over,
  };
}

export function card(personId: string | null, signedOn: string, over: Partial<FilingCard> = {}): FilingCard {
  const content: CardContent = {
    id: id(),
    campaignId: '00000000-0000-4000-8000-00000000c000',
    cardTextId: '00000000-0000-4000-8000-00000000c001',
    cardTextVersion: 1,
    cardText: 'I want a union with Alder Prep Inc.',
    employerName: 'Alder Prep Inc.',
    worksiteId: over.worksiteId ?? SITE_A,
    worksiteName: 'Alder Prep',
    signerName: over.signerName ?? 'Some Signer',
    email: 'signer@mail.example',
    phone: '(323) 555-0100',
    jobTitle: 'Teacher',
    employeeId: null,
    signedOn,
    signedAt: new Date(`${signedOn}T20:00:00Z`),
    source: 'electronic',
    typedSignature: over.signerName ?? 'Some Signer',
    ip: null,
    userAgent: null,
  };
  return {
    ...content,
    contentHash: hashCard(content),
    personId,
    matchStatus: personId ? 'matched' : 'unmatched',
    matchMethod: personId ? 'email' : null,
    createdAt: new Date(`${signedOn}T20:00:01Z`),
    revokedOn: null,
    revocationReason: null,
    confirmation: null,
    signerAnswer: { answer: 'signed', method: 'link', answeredAt: new Date(`${signedOn}T20:30:00Z`) },
    verification: personId ? { method: 'personal_contact_on_file', verifiedAt: new Date(`${signedOn}T20:30:00Z`) } : null,
    textLanguage: 'en',
    ...over,
  };
}

export function input(employments: FilingEmployment[], cards: FilingCard[], over: Partial<PacketInput> = {}): PacketInput {
  return {
    campaignName: 'Alder Educators United',
    jurisdiction: 'ca_perb',
    goalPercent: 65,
    validityMonths: 12,
    timeZone: 'America/Los_Angeles',
    unit: { id: UNIT, name: 'Certificated' },
    worksite: null,
    filingDate: FILING,
    employments,
    cards,
    scopeWorksiteIds: [SITE_A, SITE_B],
    ...over,
  };
}
