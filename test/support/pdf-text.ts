import { execFileSync } from 'node:child_process';

/** Runs poppler's `pdftotext` on a PDF with the given options, or says how to install it. */
function runPdftotext(pdf: Buffer, options: string[]): string {
  try {
    return execFileSync('pdftotext', [...options, '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') throw new Error('pdftotext is missing: apt-get install poppler-utils');
    throw error;
  }
}

/**
 * The text of a PDF as a reader would copy it, extracted by poppler's `pdftotext` (Debian package
 * poppler-utils, installed by .ci/run). Our PDFs embed subset fonts, so their content streams hold
 * glyph ids, not characters: only the fonts' ToUnicode maps say what was written, and checking
 * that a name comes out as typed needs a real PDF reader. `-raw` keeps the drawing order, so a
 * table cell that wraps reads as one phrase instead of being interleaved with its neighbours.
 */
export function pdfText(pdf: Buffer): string {
  return runPdftotext(pdf, ['-raw']);
}

export type WordBox = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

const unescapeXml = (s: string): string => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each page's words with the box each is drawn in (points, from the top left), by `pdftotext -bbox`. */
export function pdfWordBoxes(pdf: Buffer): WordBox[][] {
  const html = runPdftotext(pdf, ['-bbox']);
  return html
    .split(/<page [^>]*>/)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: unescapeXml(m[5] ?? ''),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    );
}

/**
 * Pairs of words on one page whose boxes overlap by more than `tolerance` points both ways: text
 * printed over other text. Lines set one under the other touch at most (a box is one line high).
 */
export function findOverprintedWords(pdf: Buffer, tolerance = 1): { page: number; first: WordBox; second: WordBox }[] {
  const found: { page: number; first: WordBox; second: WordBox }[] = [];
  pdfWordBoxes(pdf).forEach((words, index) => {
    for (let i = 0; i < words.length; i++) {
      for (let j = i + 1; j < words.length; j++) {
        const a = words[i];
        const b = words[j];
        if (!a || !b) continue;
        const across = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
        const down = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
        if (across > tolerance && down > tolerance) found.push({ page: index + 1, first: a, second: b });
      }
    }
  });
  return found;
}
