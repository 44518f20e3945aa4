import { execFileSync } from 'node:child_process';

/**
 * The text of a PDF as a reader would copy it, extracted by poppler's `pdftotext` (Debian package
 * poppler-utils, installed by .ci/run). Our PDFs embed subset fonts, so their content streams hold
 * glyph ids, not characters: only the fonts' ToUnicode maps say what was written, and checking
 * that a name comes out as typed needs a real PDF reader. `-raw` keeps the drawing order, so a
 * table cell that wraps reads as one phrase instead of being interleaved with its neighbours.
 */
export function pdfText(pdf: Buffer): string {
  try {
    return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') throw new Error('pdftotext is missing: apt-get install poppler-utils');
    throw error;
  }
}
