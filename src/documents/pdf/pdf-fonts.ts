import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { create, type Font } from 'fontkit';
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;

/*
 * Why this module exists: PDFKit's standard fonts (Helvetica, Courier) cover only WinAnsi, and
 * PDFKit writes any other character as a wrong Latin-1 letter without a word of warning. Our
 * PDFs name people ("Nguyễn Thị Minh", "Ахмед", "Պետրոսյան") in documents filed with a labor
 * board, so every PDF embeds DejaVu Sans (a subset: only the glyphs used), and a character that
 * font cannot show is written as its code point, "[U+AE40]", with a footnote on that page: it is
 * never dropped or drawn as another letter. No CJK font small enough to ship was found
 * (docs/decisions/0015-unicode-fonts-in-pdfs.md).
 */

const faceFiles = {
  body: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  oblique: 'DejaVuSans-Oblique.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

/** The names to pass to `doc.font()`: the only fonts a document set up here accepts. */
export type PdfFace = keyof typeof faceFiles;
const faces = Object.keys(faceFiles) as PdfFace[];
const isFace = (name: unknown): name is PdfFace => typeof name === 'string' && Object.hasOwn(faceFiles, name);

type LoadedFace = { data: Buffer; font: Font };

let loaded: Record<PdfFace, LoadedFace> | undefined;

/** Reads the font files once per process; each document then embeds its own subset. */
function loadFaces(): Record<PdfFace, LoadedFace> {
  if (loaded) return loaded;
  // Resolved through the package, not a path relative to this file, so it works wherever npm put it.
  const folder = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const read = (face: PdfFace): LoadedFace => {
    const data = readFileSync(join(folder, faceFiles[face]));
    const font = create(data);
    if (!('hasGlyphForCodePoint' in font)) throw new Error(`${faceFiles[face]} is a font collection, not one font`);
    return { data, font };
  };
  loaded = { body: read('body'), bold: read('bold'), oblique: read('oblique'), mono: read('mono') };
  return loaded;
}

/*
 * DejaVu has Hebrew and Arabic glyphs, but PDFKit lays lines out left to right only: a name of
 * two Arabic words comes out with its words swapped. Right-to-left scripts are therefore written
 * as code points too, like characters the font lacks.
 */
const RIGHT_TO_LEFT = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}]/u;
const PLAIN_ASCII = /^[\x20-\x7e\n]*$/;
const LAYOUT_CONTROLS = new Set([0x09, 0x0a, 0x0d]);

/** The text as the face can show it: NFC, and each character it cannot show as "[U+XXXX]". */
function printable(text: string, face: LoadedFace): { text: string; replaced: boolean } {
  if (PLAIN_ASCII.test(text)) return { text, replaced: false };
  let out = '';
  let replaced = false;
  // NFC: "ễ" typed as e + two combining marks becomes the one precomposed letter the font has.
  for (const ch of text.normalize('NFC')) {
    const cp = ch.codePointAt(0) ?? 0;
    if (LAYOUT_CONTROLS.has(cp) || (face.font.hasGlyphForCodePoint(cp) && !RIGHT_TO_LEFT.test(ch))) {
      out += ch;
    } else {
      out += `[U+${cp.toString(16).toUpperCase().padStart(4, '0')}]`;
      replaced = true;
    }
  }
  return { text: out, replaced };
}

export type UnicodeFonts = {
  /**
   * Writes `note` near the bottom of every page where a character was written as a code point.
   * Call once all content is drawn (the document must buffer its pages), before `doc.end()`.
   */
  footnoteCodePoints(note: string, fromBottom: number): void;
};

/**
 * Sets a new document up to draw every text in embedded Unicode fonts: registers the faces
 * (`doc.font('body' | 'bold' | 'oblique' | 'mono')`), selects 'body', and routes `text`,
 * `heightOfString` and `widthOfString` through the coverage check, so no call site can forget
 * it. Any other font name throws: a standard font would garble non-Latin-1 text.
 */
export function embedUnicodeFonts(doc: Doc): UnicodeFonts {
  const loadedFaces = loadFaces();
  for (const face of faces) doc.registerFont(face, loadedFaces[face].data);
  let current = loadedFaces.body;
  const pagesWithCodePoints = new Set<Doc['page']>();
  const original = { font: doc.font, text: doc.text, heightOfString: doc.heightOfString, widthOfString: doc.widthOfString };
  const asText = (text: unknown): string => (text === null || text === undefined ? '' : String(text));

  doc.font = ((...args: unknown[]) => {
    const [src] = args;
    if (!isFace(src)) throw new Error(`PDF text must use an embedded Unicode font (${faces.join(', ')}), not ${String(src)}`);
    current = loadedFaces[src];
    Reflect.apply(original.font, doc, args);
    return doc;
  }) as typeof doc.font;

  doc.text = ((text: unknown, ...rest: unknown[]) => {
    const shown = printable(asText(text), current);
    const before = doc.page;
    Reflect.apply(original.text, doc, [shown.text, ...rest]);
    if (shown.replaced) pagesWithCodePoints.add(before).add(doc.page);
    return doc;
  }) as typeof doc.text;

  // Measured as drawn, so heights and widths match what `text` writes.
  doc.heightOfString = ((text: unknown, ...rest: unknown[]) => Reflect.apply(original.heightOfString, doc, [printable(asText(text), current).text, ...rest]) as number) as typeof doc.heightOfString;
  doc.widthOfString = ((text: unknown, ...rest: unknown[]) => Reflect.apply(original.widthOfString, doc, [printable(asText(text), current).text, ...rest]) as number) as typeof doc.widthOfString;

  doc.font('body');

  return {
    footnoteCodePoints(note, fromBottom) {
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        if (!pagesWithCodePoints.has(doc.page)) continue;
        const { left, right, bottom } = doc.page.margins;
        // The note sits in the bottom margin; without lifting the margin PDFKit would start a new page.
        doc.page.margins.bottom = 0;
        doc.font('oblique').fontSize(7).fillColor('#555555').text(note, left, doc.page.height - fromBottom, { width: doc.page.width - left - right, lineBreak: false });
        doc.page.margins.bottom = bottom;
      }
    },
  };
}
