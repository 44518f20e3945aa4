import { describe, expect, it } from 'vitest';
import { findOverprintedWords, pdfText } from '../../../test/support/pdf-text.js';
import type { AttachmentMeta } from '../../db/repositories/conduct-repository.js';
import { renderChronologyPdf } from './chronology-pdf.js';
import type { Chronology } from '../../domain/conduct/build-chronology.js';
import type { IncidentView } from '../../domain/conduct/incident-view.js';

const FOOTNOTE = 'the chronology CSV gives the exact spelling';
const at = new Date('2015-08-20T17:00:00Z');

const memo: AttachmentMeta = {
  id: '00000000-0000-4000-8000-0000000000f1',
  campaignId: '00000000-0000-4000-8000-00000000c000',
  filename: 'Nguyễn notes — 김민준.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 20480,
  sha256: 'ab'.repeat(32),
  description: 'Handwritten notes',
  uploadedByAccountId: null,
  uploadedAt: at,
};

const incident: IncidentView = {
  id: '00000000-0000-4000-8000-0000000000e1',
  occurredOn: '2015-08-03',
  occurredTime: '15:30',
  kind: 'captive_audience',
  title: 'Mandatory meeting about the union',
  description: 'The principal called every teacher to the library after school.',
  status: 'documented',
  chargeNumber: null,
  provisionsChosen: true,
  recordedBy: null,
  reportedBy: { type: 'person', id: '00000000-0000-4000-8000-0000000000d1', name: 'Nguyễn Thị Minh' },
  createdAt: at,
  updatedAt: at,
  worksites: [{ id: '00000000-0000-4000-8000-00000000000a', name: 'Alder Prep' }],
  agents: [{ id: '00000000-0000-4000-8000-0000000000b1', name: 'Ахмед Петров', role: 'principal', title: 'Principal' }],
  witnesses: [
    { id: '00000000-0000-4000-8000-0000000000d2', name: 'Łukasz Wójcik' },
    { id: '00000000-0000-4000-8000-0000000000d3', name: 'Անի Պետրոսյան' },
    { id: '00000000-0000-4000-8000-0000000000d4', name: '김민준' },
  ],
  provisions: [],
  attachments: [memo],
  quotes: [{ id: '00000000-0000-4000-8000-0000000000a9', position: 0, text: 'Signing a card is a mistake.', speaker: { id: '00000000-0000-4000-8000-0000000000b1', name: 'Ахмед Петров' }, source: 'heard by Łukasz Wójcik', attachmentId: null, pageFrom: null, pageTo: null }],
  deadline: { deadline: '2016-02-03', daysLeft: 167, level: 'ok' },
};

const chronology: Chronology = { generatedAt: at, asOf: '2015-08-20', incidents: [incident], exhibits: [{ number: 1, attachment: memo }] };

describe('renderChronologyPdf: names in any script', () => {
  it('prints every name as typed; a Korean one as code points, with the footnote on its pages', async () => {
    const pdf = await renderChronologyPdf(chronology, { campaignName: 'Alder Educators United', filters: [] });
    const pages = pdfText(pdf)
      .split('\f')
      .map((page) => page.replace(/\s+/g, ' '));
    const text = pages.join(' ');
    for (const name of ['Reported by Nguyễn Thị Minh', 'Ахмед Петров (Principal)', '— Ахмед Петров, heard by Łukasz Wójcik', 'Łukasz Wójcik; Անի Պետրոսյան; [U+AE40][U+BBFC][U+C900]']) expect(text).toContain(name);
    // The exhibit list, on a page of its own, names the file with the same code points.
    expect(text).toContain('Exhibit 1. Nguyễn notes — [U+AE40][U+BBFC][U+C900].pdf');
    expect(text).not.toMatch(/[\uAC00-\uD7AF]/);
    expect(pages.filter((page) => page.includes('[U+'))).toHaveLength(2);
    for (const page of pages) expect(page.includes(FOOTNOTE), page.slice(0, 80)).toBe(page.includes('[U+'));
  });

  it('prints nothing over anything, with the campaign and page number in every footer', async () => {
    const many: Chronology = { ...chronology, incidents: Array.from({ length: 12 }, (_, i) => ({ ...incident, id: `00000000-0000-4000-8000-0000000001${String(i).padStart(2, '0')}` })) };
    const pdf = await renderChronologyPdf(many, { campaignName: 'Meridian Educators United', filters: ['from 2015-08-01', 'worksite: Dolores Huerta Academy of Science'] });
    expect(findOverprintedWords(pdf).map(({ page, first, second }) => `page ${page}: “${first.text}” over “${second.text}”`)).toEqual([]);
    const pages = pdfText(pdf)
      .split('\f')
      .filter((page) => page.trim() !== '')
      .map((page) => page.replace(/\s+/g, ' '));
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain('Meridian Educators United — chronology of employer conduct — generated 2015-08-20 17:00 UTC');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });
});
