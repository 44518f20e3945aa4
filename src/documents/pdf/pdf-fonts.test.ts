import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../../../test/support/pdf-text.js';
import { embedUnicodeFonts } from './pdf-fonts.js';

const NOTE = 'Code points stand for characters this font lacks.';

/** A two-page PDF: the first page holds `first`, the second `second`, then the footnotes. */
async function twoPages(first: string, second: string): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'LETTER', bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const fonts = embedUnicodeFonts(doc);
  doc.font('bold').fontSize(12).text(first);
  doc.addPage();
  doc.font('body').text(second);
  fonts.footnoteCodePoints(NOTE, 50);
  doc.end();
  return done;
}

/** Each page's text, with line breaks (the text wraps) as single spaces. */
const pages = (pdf: Buffer): string[] => pdfText(pdf).split('\f').map((page) => page.replace(/\s+/g, ' '));
const pagesOf = async (first: string, second: string): Promise<string[]> => pages(await twoPages(first, second));

describe('embedUnicodeFonts', () => {
  it('writes Latin, Cyrillic, Greek and Armenian as typed, in embedded DejaVu fonts only', async () => {
    const names = 'Nguyễn Thị Minh · Łukasz Wójcik · Ахмед Петров · Ελένη · Պետրոսյան';
    const pdf = await twoPages(names, names);
    const [one, two] = pages(pdf);
    expect(one).toContain(names);
    expect(two).toContain(names);
    expect(pdfText(pdf)).not.toContain(NOTE);
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Courier|Times)/);
  });

  it('writes a character no face has as its code point, with the footnote on that page only', async () => {
    const [one, two] = await pagesOf('Page one is plain.', 'Kim: 김민준. Wang: 王小明. Thai: สม.');
    expect(one).not.toContain(NOTE);
    expect(two).toContain('Kim: [U+AE40][U+BBFC][U+C900]. Wang: [U+738B][U+5C0F][U+660E]. Thai: [U+0E2A][U+0E21].');
    expect(two).toContain(NOTE);
  });

  it('writes right-to-left names as code points rather than with their words swapped', async () => {
    const [, two] = await pagesOf('Plain.', 'דוד כהן');
    expect(two).toContain('[U+05D3][U+05D5][U+05D3] [U+05DB][U+05D4][U+05DF]');
    expect(two).toContain(NOTE);
  });

  it('composes decomposed accents (NFC), so they print as the letters the font has', async () => {
    const decomposed = 'Nguyễn'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn');
    const [, two] = await pagesOf('Plain.', decomposed);
    expect(two).toContain('Nguyễn');
    expect(two).not.toContain('[U+');
  });

  it('refuses a standard font, which would garble anything outside Latin-1', () => {
    const doc = new PDFDocument();
    embedUnicodeFonts(doc);
    expect(() => doc.font('Helvetica')).toThrow(/embedded Unicode font/);
  });
});
