import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';

export const maxDocumentBytes = 10 * 1024 * 1024;

export type PdfDocument = { bytes: Buffer; sha256: string; size: number; filename: string; contentType: 'application/pdf' };

/** Decodes an uploaded letter (base64), checks it is a PDF, and fingerprints it with SHA-256. */
export function parsePdfUpload(input: { filename: string; contentBase64: string }, field = 'document'): PdfDocument {
  const clean = input.contentBase64.replace(/^data:application\/pdf;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new AppError('validation_failed', 'The document is not valid base64.', [{ field: `${field}.contentBase64`, reason: 'is not base64' }]);
  const bytes = Buffer.from(clean, 'base64');
  if (bytes.length === 0) throw new AppError('validation_failed', 'The document is empty.', [{ field: `${field}.contentBase64`, reason: 'is empty' }]);
  if (bytes.length > maxDocumentBytes) throw new AppError('payload_too_large', 'The document is larger than 10 MB.', [{ field: `${field}.contentBase64`, reason: 'is larger than 10 MB' }]);
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('validation_failed', 'The document must be a PDF.', [{ field: `${field}.contentBase64`, reason: 'is not a PDF' }]);
  const filename = input.filename.replace(/[^\w.\- ]+/g, '_').slice(0, 120) || 'letter.pdf';
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, filename, contentType: 'application/pdf' };
}
