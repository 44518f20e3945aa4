import { describe, expect, it } from 'vitest';
import { findOverprintedWords, pdfText, pdfWordBoxes } from '../../../test/support/pdf-text.js';
import { createPdfWriter, type PageFrame } from './pdf-toolkit.js';

const NOTE = 'Code points stand for characters this font lacks.';
const frame: PageFrame = { footer: ['Alder Educators United — a test document', 'Second footer line'], codePointNote: NOTE };

const newWriter = () => createPdfWriter({ info: { Title: 'Toolkit test' }, margins: { top: 72, side: 54 } });
const pagesOf = (pdf: Buffer): string[] =>
  pdfText(pdf)
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map((page) => page.replace(/\s+/g, ' '));

describe('writeOneLine', () => {
  const words = Array.from({ length: 40 }, (_, i) => `word${i}`);
  // The words drawn above the footer.
  const bodyWords = (pdf: Buffer) => (pdfWordBoxes(pdf)[0] ?? []).filter((b) => b.yMax < 700);

  it('shrinks a line too long for its width instead of wrapping it', async () => {
    const pdf = newWriter();
    const text = words.slice(0, 10).join(' ');
    pdf.writeOneLine({ text, x: pdf.left, y: 100, width: 300, size: 10 });
    const bytes = await pdf.finish(frame);
    const boxes = bodyWords(bytes);
    expect(boxes.map((b) => b.text).join(' ')).toBe(text);
    expect(new Set(boxes.map((b) => b.yMin)).size).toBe(1);
    expect(Math.max(...boxes.map((b) => b.xMax)) - pdf.left).toBeLessThanOrEqual(300);
  });

  it('shortens with "…" only what would need a font under 6 pt', async () => {
    const pdf = newWriter();
    pdf.writeOneLine({ text: words.join(' '), x: pdf.left, y: 100, width: 200, size: 10 });
    const bytes = await pdf.finish(frame);
    const boxes = bodyWords(bytes);
    expect(new Set(boxes.map((b) => b.yMin)).size).toBe(1);
    expect(Math.max(...boxes.map((b) => b.xMax)) - pdf.left).toBeLessThanOrEqual(200);
    expect(boxes[0]?.text).toBe('word0');
    expect(boxes.at(-1)?.text).toMatch(/…$/);
    expect(boxes.length).toBeLessThan(words.length);
  });
});

describe('drawTable', () => {
  it('repeats its header on every page it runs onto, and nothing is printed over anything', async () => {
    const pdf = newWriter();
    const rows = Array.from({ length: 150 }, (_, i) => [`Row ${i + 1}`, `A cell long enough to wrap onto a second line in a narrow column (${i + 1})`]);
    pdf.drawTable(
      [
        { header: 'Number', width: 120 },
        { header: 'Description', width: 200 },
      ],
      rows,
    );
    const bytes = await pdf.finish(frame);
    const pages = pagesOf(bytes);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages) expect(page).toContain('Number Description');
    expect(pages.join(' ')).toContain('Row 150');
    expect(findOverprintedWords(bytes)).toEqual([]);
  });
});

describe('finish', () => {
  it('gives every page its footer lines and "Page n of m"', async () => {
    const pdf = newWriter();
    pdf.doc.text('One.');
    pdf.doc.addPage();
    pdf.doc.text('Two.');
    pdf.doc.addPage();
    pdf.doc.text('Three.');
    const pages = pagesOf(await pdf.finish({ ...frame, header: { text: 'CONFIDENTIAL', color: '#a11a1a', ruleColor: '#a11a1a' } }));
    expect(pages).toHaveLength(3);
    pages.forEach((page, i) => {
      expect(page).toContain('CONFIDENTIAL');
      expect(page).toContain('Alder Educators United — a test document');
      expect(page).toContain('Second footer line');
      expect(page).toContain(`Page ${i + 1} of 3`);
      expect(page).not.toContain(NOTE);
    });
  });

  it('notes code points in a footer too, on every page that carries it', async () => {
    const pdf = newWriter();
    pdf.doc.text('Plain.');
    pdf.doc.addPage();
    pdf.doc.text('Plain.');
    const pages = pagesOf(await pdf.finish({ ...frame, footer: ['김민준 campaign'] }));
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page).toContain('[U+AE40][U+BBFC][U+C900] campaign');
      expect(page).toContain(NOTE);
    }
  });
});
