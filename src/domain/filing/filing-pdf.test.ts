import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.js';
import { hashCard, type CardContent } from '../cards/card-hash.js';
import { buildFilingPacket, type FilingCard, type FilingEmployment, type FilingJurisdiction } from './filing-packet.js';
import { renderFilingPdf } from './filing-pdf.js';

const UNIT = '00000000-0000-4000-8000-0000000000a1';
const SITE = '00000000-0000-4000-8000-00000000000a';
const FILING = '2015-06-15';
const FOOTNOTE = 'the packet’s CSV files give the exact spelling';

// Educators of a Los Angeles school, as they sign their names.
const people = [
  { given: 'Thị Minh', family: 'Nguyễn', signed: 'Nguyễn Thị Minh' },
  { given: 'Łukasz', family: 'Wójcik', signed: 'Łukasz Wójcik' },
  { given: 'Ахмед', family: 'Петров', signed: 'Ахмед Петров' },
  { given: 'Անի', family: 'Պետրոսյան', signed: 'Անի Պետրոսյան' },
  { given: '민준', family: '김', signed: '김민준' },
];

let seq = 0;
const id = (): string => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

function packetFor(jurisdiction: FilingJurisdiction) {
  const employments: FilingEmployment[] = [];
  const cards: FilingCard[] = [];
  for (const [i, p] of people.entries()) {
    const personId = id();
    employments.push({ id: id(), personId, worksiteId: SITE, unitId: UNIT, startDate: '2014-08-15', endDate: null, jobTitle: 'Teacher', worksiteName: 'Alder Prep', employerName: 'Alder Prep Inc.', givenName: p.given, familyName: p.family, employeeId: `E${i}` });
    const signedOn = `2015-05-0${i + 1}`;
    const content: CardContent = {
      id: id(),
      campaignId: '00000000-0000-4000-8000-00000000c000',
      cardTextId: '00000000-0000-4000-8000-00000000c001',
      cardTextVersion: 1,
      cardText: 'I want a union with Alder Prep Inc.',
      employerName: 'Alder Prep Inc.',
      worksiteId: SITE,
      worksiteName: 'Alder Prep',
      signerName: p.signed,
      email: `signer${i}@mail.example`,
      phone: `(323) 555-010${i}`,
      jobTitle: 'Teacher',
      employeeId: null,
      signedOn,
      signedAt: new Date(`${signedOn}T20:00:00Z`),
      source: 'electronic',
      typedSignature: p.signed,
      ip: null,
      userAgent: null,
    };
    cards.push({ ...content, contentHash: hashCard(content), personId, matchStatus: 'matched', matchMethod: 'email', createdAt: new Date(`${signedOn}T20:00:01Z`), revokedOn: null, revocationReason: null, confirmation: null });
  }
  return buildFilingPacket({
    campaignName: 'Alder Educators United',
    jurisdiction,
    goalPercent: 65,
    validityMonths: 12,
    timeZone: 'America/Los_Angeles',
    unit: { id: UNIT, name: 'Certificated' },
    worksite: null,
    filingDate: FILING,
    employments,
    cards,
    scopeWorksiteIds: [SITE],
  });
}

/** Each page's text as a reader copies it, with line breaks (cells wrap) as single spaces. */
async function pagesOf(jurisdiction: FilingJurisdiction): Promise<string[]> {
  const pdf = await renderFilingPdf(packetFor(jurisdiction), 'board', new Date('2015-06-16T17:00:00Z'));
  return pdfText(pdf)
    .split('\f')
    .map((page) => page.replace(/\s+/g, ' '));
}

describe('renderFilingPdf: names in any script', () => {
  it.each(['ca_perb', 'nlrb'] as const)('%s board copy: every name prints exactly as signed and as on the roster', async (jurisdiction) => {
    const pages = await pagesOf(jurisdiction);
    const text = pages.join(' ');
    for (const p of people.slice(0, 4)) {
      expect(text).toContain(p.signed);
      expect(text).toContain(`${p.family}, ${p.given}`);
    }
    expect(text).toContain('5 valid cards of 5 employees');
  });

  it.each(['ca_perb', 'nlrb'] as const)('%s board copy: a Korean name the font lacks prints as code points, and its pages say where the spelling is', async (jurisdiction) => {
    const pages = await pagesOf(jurisdiction);
    // Cells may wrap between two code points.
    const text = pages.join(' ').replace(/\] \[/g, '][');
    expect(text).toContain('[U+AE40][U+BBFC][U+C900]'); // 김민준, as signed
    expect(text).toContain('[U+AE40], [U+BBFC][U+C900]'); // 김, 민준 on the roster
    expect(text).not.toMatch(/[\uAC00-\uD7AF]/);
    const withCodePoints = pages.filter((page) => page.includes('[U+'));
    expect(withCodePoints.length).toBeGreaterThanOrEqual(2); // the cards counted, the roster
    for (const page of pages) expect(page.includes(FOOTNOTE), page.slice(0, 80)).toBe(page.includes('[U+'));
  });
});
