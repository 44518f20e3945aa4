import { describe, expect, it } from 'vitest';
import { findOverprintedWords, pdfText } from '../../../test/support/pdf-text.js';
import { card, employment, id, input, SITE_A } from '../../../test/support/filing-fixtures.js';
import { buildFilingPacket, type FilingCard, type FilingEmployment, type FilingJurisdiction } from '../../domain/filing/filing-packet.js';
import { renderFilingPdf } from './filing-pdf.js';

const FOOTNOTE = 'the packet’s CSV files give the exact spelling';

// Educators of a Los Angeles school, as they sign their names.
const people = [
  { given: 'Thị Minh', family: 'Nguyễn', signed: 'Nguyễn Thị Minh' },
  { given: 'Łukasz', family: 'Wójcik', signed: 'Łukasz Wójcik' },
  { given: 'Ахмед', family: 'Петров', signed: 'Ахмед Петров' },
  { given: 'Անի', family: 'Պետրոսյան', signed: 'Անի Պետրոսյան' },
  { given: '민준', family: '김', signed: '김민준' },
];

function packetFor(jurisdiction: FilingJurisdiction) {
  const employments: FilingEmployment[] = [];
  const cards: FilingCard[] = [];
  for (const [i, p] of people.entries()) {
    const personId = id();
    employments.push(employment(personId, { givenName: p.given, familyName: p.family, employeeId: `E${i}` }));
    cards.push(card(personId, `2015-05-0${i + 1}`, { signerName: p.signed, matchMethod: 'email' }));
  }
  return buildFilingPacket(input(employments, cards, { jurisdiction, scopeWorksiteIds: [SITE_A] }));
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

describe('renderFilingPdf: the running header and footer', () => {
  // The demo's names: with one school the scope reads "Certificated unit at Dolores Huerta Academy
  // of Science", which once wrapped the footer's first line over its "Generated …" line.
  const school = { id: SITE_A, name: 'Dolores Huerta Academy of Science', employerName: 'Meridian Public Schools — Dolores Huerta Academy of Science' };

  function oneSchoolPacket(jurisdiction: FilingJurisdiction) {
    const employments: FilingEmployment[] = [];
    const cards: FilingCard[] = [];
    for (let i = 0; i < 40; i++) {
      const personId = id();
      employments.push(employment(personId, { worksiteName: school.name, employerName: school.employerName }));
      if (i % 3 !== 0) cards.push(card(personId, '2015-05-04'));
    }
    return buildFilingPacket(input(employments, cards, { campaignName: 'Meridian Educators United', jurisdiction, worksite: school }));
  }

  it.each([
    ['ca_perb', 'board'],
    ['ca_perb', 'service'],
    ['nlrb', 'board'],
    ['nlrb', 'service'],
  ] as const)('%s %s copy of one school: no text is printed over other text, and every footer is whole', async (jurisdiction, copy) => {
    const pdf = await renderFilingPdf(oneSchoolPacket(jurisdiction), copy, new Date('2015-06-16T17:00:00Z'));
    const overprinted = findOverprintedWords(pdf).map(({ page, first, second }) => `page ${page}: “${first.text}” over “${second.text}”`);
    expect(overprinted).toEqual([]);
    const pages = pdfText(pdf)
      .split('\f')
      .filter((page) => page.trim() !== '')
      .map((page) => page.replace(/\s+/g, ' '));
    expect(pages.length).toBeGreaterThan(copy === 'board' ? 4 : 0);
    pages.forEach((page, i) => {
      expect(page).toContain('Meridian Educators United — Certificated unit at Dolores Huerta Academy of Science');
      expect(page).toContain(`Filing date 2015-06-15 — ${copy} copy — generated 2015-06-16 17:00 UTC`);
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });
});
