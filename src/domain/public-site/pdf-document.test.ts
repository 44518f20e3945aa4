import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parsePdfUpload } from './pdf-document.js';

describe('parsePdfUpload', () => {
  it('accepts a PDF and fingerprints it', () => {
    const bytes = Buffer.from('%PDF-1.4\n% letter\n%%EOF\n');
    const doc = parsePdfUpload({ filename: 'letter of support.pdf', contentBase64: bytes.toString('base64') });
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(doc.size).toBe(bytes.length);
    expect(doc.filename).toBe('letter of support.pdf');
  });

  it('refuses what is not a PDF, not base64, or empty', () => {
    expect(() => parsePdfUpload({ filename: 'x.pdf', contentBase64: Buffer.from('<html>').toString('base64') })).toThrow(/PDF/);
    expect(() => parsePdfUpload({ filename: 'x.pdf', contentBase64: '***' })).toThrow(/base64/);
    expect(() => parsePdfUpload({ filename: 'x.pdf', contentBase64: '' })).toThrow(/empty/);
  });
});
