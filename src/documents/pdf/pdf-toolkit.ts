import PDFDocument from 'pdfkit';
import { embedUnicodeFonts, type PdfFace } from './pdf-fonts.js';

/*
 * The page scaffolding every generated PDF shares: US Letter, the embedded Unicode fonts, one
 * palette, headings, notes, label/value pairs, tables that repeat their header, and a running
 * header and footer drawn once the page count is known. A renderer draws its own content with
 * `doc` and the pieces here, then calls `finish`.
 */

export type PdfDoc = InstanceType<typeof PDFDocument>;

export const pdfColors = {
  ink: '#1a1a1a',
  muted: '#555555',
  rule: '#b5b5b5',
  shade: '#f1f1f1',
  tableHeader: '#dedede',
  alert: '#a11a1a',
  warn: '#9a5b00',
  ok: '#1c6b2f',
} as const;

// The bottom of the page, from the bottom edge up: the footer's lines (42 and 32 pt), its rule
// (48 pt), the code-point footnote (58 pt), then the content, which stops at the margin (64 pt).
// Each has its own band, so none can be printed over another.
const BOTTOM_MARGIN = 64;
const FOOTNOTE_FROM_BOTTOM = 58;
const FOOTER_RULE_FROM_BOTTOM = 48;
const FOOTER_LINE_FROM_BOTTOM = [42, 32] as const;
const FOOTER_SIZE = 7.5;
const PAGE_NUMBER_WIDTH = 90;
// The banner sits above the top margin (which must be at least 60 pt), its rule below it.
const HEADER_Y = 34;
const HEADER_RULE_Y = 48;
// Text that must stay on one line shrinks to this size before it is shortened.
const MIN_ONE_LINE_SIZE = 6;

export type TableColumn = { header: string; width: number; align?: 'left' | 'right' | 'center' };

export type TableOptions = {
  fontSize?: number;
  emptyText?: string;
  cellColor?: (row: string[], column: number) => string;
  boldColumn?: number;
};

export type OneLine = {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  face?: PdfFace;
  color?: string;
  align?: 'left' | 'center' | 'right';
  characterSpacing?: number;
};

export type PageFrame = {
  /** A banner across the top of every page, above a rule. */
  header?: { text: string; color: string; ruleColor: string };
  /** The footer's lines (one or two), on the left; "Page n of m" goes on the right of the first. */
  footer: readonly string[];
  /** Printed on the pages where a character was written as a code point: where its exact spelling is. */
  codePointNote: string;
};

export type PdfWriter = {
  doc: PdfDoc;
  /** The left edge and width of the text area. */
  left: number;
  width: number;
  /** Where content must stop on the current page. */
  bottom(): number;
  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void;
  drawRule(weight?: number, color?: string): void;
  writeHeading(text: string): void;
  writeNote(text: string): void;
  writeKeyValues(pairs: readonly (readonly [string, string])[], labelWidth?: number): void;
  /** A table that repeats its header on every page it runs onto. */
  drawTable(columns: readonly TableColumn[], rows: readonly string[][], options?: TableOptions): void;
  /** Text that never wraps: it shrinks to fit, and only below 6 pt is it shortened with "…". */
  writeOneLine(line: OneLine): void;
  /** Draws the running header and footer and the code-point footnotes on every page, then ends the document. */
  finish(frame: PageFrame): Promise<Buffer>;
};

/** A new US Letter document with the embedded Unicode fonts, buffering its pages for the footers. */
export function createPdfWriter(options: { info: PDFKit.DocumentInfo; margins: { top: number; side: number } }): PdfWriter {
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: options.margins.top, bottom: BOTTOM_MARGIN, left: options.margins.side, right: options.margins.side },
    bufferPages: true,
    info: { Creator: 'Unionhall', ...options.info },
  });
  const fonts = embedUnicodeFonts(doc);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const bottom = (): number => doc.page.height - doc.page.margins.bottom;

  const ensureSpace = (height: number): void => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  const drawRule = (weight = 0.5, color: string = pdfColors.rule): void => {
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(weight).strokeColor(color).stroke();
  };

  const writeHeading = (text: string): void => {
    ensureSpace(80);
    doc.x = left;
    doc.fillColor(pdfColors.ink).font('bold').fontSize(14).text(text, left, doc.y, { width });
    doc.moveDown(0.2);
    drawRule(1, pdfColors.ink);
    doc.moveDown(0.5);
  };

  const writeNote = (text: string): void => {
    doc.fillColor(pdfColors.muted).font('body').fontSize(9).text(text, left, doc.y, { width });
    doc.moveDown(0.5);
  };

  const writeKeyValues = (pairs: readonly (readonly [string, string])[], labelWidth = 150): void => {
    for (const [label, value] of pairs) {
      doc.font('body').fontSize(10);
      const height = Math.max(doc.heightOfString(value, { width: width - labelWidth }), 12);
      ensureSpace(height + 4);
      const y = doc.y;
      doc.font('bold').fontSize(10).fillColor(pdfColors.muted).text(label, left, y, { width: labelWidth - 8 });
      doc.font('body').fontSize(10).fillColor(pdfColors.ink).text(value, left + labelWidth, y, { width: width - labelWidth });
      doc.y = y + height + 3;
    }
    doc.x = left;
  };

  const drawTable = (columns: readonly TableColumn[], rows: readonly string[][], tableOptions: TableOptions = {}): void => {
    const size = tableOptions.fontSize ?? 8.5;
    const pad = 3;
    const faceOf = (column: number): PdfFace => (column === tableOptions.boldColumn ? 'bold' : 'body');
    const drawHeader = (): void => {
      doc.font('bold').fontSize(size);
      const height = Math.max(...columns.map((c) => doc.heightOfString(c.header, { width: c.width - 2 * pad }))) + 2 * pad;
      const y = doc.y;
      doc.rect(left, y, width, height).fill(pdfColors.tableHeader);
      let x = left;
      for (const c of columns) {
        doc.fillColor(pdfColors.ink).text(c.header, x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
        x += c.width;
      }
      doc.y = y + height;
    };
    ensureSpace(40);
    drawHeader();
    if (rows.length === 0) {
      doc.font('oblique').fontSize(size).fillColor(pdfColors.muted).text(tableOptions.emptyText ?? 'None.', left + pad, doc.y + pad, { width: width - 2 * pad });
      doc.moveDown(0.6);
      doc.x = left;
      return;
    }
    rows.forEach((row, index) => {
      const height = Math.max(...columns.map((c, i) => doc.font(faceOf(i)).fontSize(size).heightOfString(row[i] ?? '', { width: c.width - 2 * pad }))) + 2 * pad;
      if (doc.y + height > bottom()) {
        doc.addPage();
        drawHeader();
      }
      const y = doc.y;
      if (index % 2 === 1) doc.rect(left, y, width, height).fill(pdfColors.shade);
      let x = left;
      columns.forEach((c, i) => {
        doc
          .font(faceOf(i))
          .fontSize(size)
          .fillColor(tableOptions.cellColor ? tableOptions.cellColor(row, i) : pdfColors.ink)
          .text(row[i] ?? '', x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
        x += c.width;
      });
      doc.y = y + height;
    });
    drawRule();
    doc.x = left;
    doc.moveDown(0.8);
  };

  const writeOneLine = (line: OneLine): void => {
    const spacing = line.characterSpacing ?? 0;
    doc.font(line.face ?? 'body');
    const measure = (text: string, size: number): number => doc.fontSize(size).widthOfString(text, { characterSpacing: spacing });
    // A hair under the width: PDFKit would wrap a line that fills it exactly.
    const room = line.width - 0.5;
    let size = Math.min(line.size, (line.size * room) / Math.max(measure(line.text, line.size), 0.001));
    let text = line.text;
    if (size < MIN_ONE_LINE_SIZE) {
      size = MIN_ONE_LINE_SIZE;
      const chars = Array.from(text);
      while (chars.length > 0 && measure(`${chars.join('').trimEnd()}…`, size) > room) chars.pop();
      text = `${chars.join('').trimEnd()}…`;
    }
    const drawn = measure(text, size);
    const x = line.align === 'right' ? line.x + line.width - drawn : line.align === 'center' ? line.x + (line.width - drawn) / 2 : line.x;
    // No width: PDFKit then never wraps, whatever the measurement said.
    doc.fillColor(line.color ?? pdfColors.ink).text(text, x, line.y, { lineBreak: false, characterSpacing: spacing });
  };

  const finish = (frame: PageFrame): Promise<Buffer> => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const height = doc.page.height;
      // The header and footer sit in the margins; without lifting the margin PDFKit would start a new page.
      const savedBottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      if (frame.header) {
        writeOneLine({ text: frame.header.text, x: left, y: HEADER_Y, width, size: 7.5, face: 'bold', color: frame.header.color, align: 'center' });
        doc.moveTo(left, HEADER_RULE_Y).lineTo(left + width, HEADER_RULE_Y).lineWidth(0.5).strokeColor(frame.header.ruleColor).stroke();
      }
      doc.moveTo(left, height - FOOTER_RULE_FROM_BOTTOM).lineTo(left + width, height - FOOTER_RULE_FROM_BOTTOM).lineWidth(0.5).strokeColor(pdfColors.rule).stroke();
      const muted = { size: FOOTER_SIZE, color: pdfColors.muted } as const;
      frame.footer.slice(0, FOOTER_LINE_FROM_BOTTOM.length).forEach((text, line) => {
        const y = height - (FOOTER_LINE_FROM_BOTTOM[line] ?? 0);
        writeOneLine({ ...muted, text, x: left, y, width: line === 0 ? width - PAGE_NUMBER_WIDTH : width });
      });
      writeOneLine({ ...muted, text: `Page ${i - range.start + 1} of ${range.count}`, x: left + width - PAGE_NUMBER_WIDTH, y: height - FOOTER_LINE_FROM_BOTTOM[0], width: PAGE_NUMBER_WIDTH, align: 'right' });
      doc.page.margins.bottom = savedBottom;
    }
    // After the footers, so a name in a footer written as code points gets its note too.
    fonts.footnoteCodePoints(frame.codePointNote, FOOTNOTE_FROM_BOTTOM);
    doc.end();
    return finished;
  };

  return { doc, left, width, bottom, ensureSpace, drawRule, writeHeading, writeNote, writeKeyValues, drawTable, writeOneLine, finish };
}
