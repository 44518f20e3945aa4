import type { DocumentInput } from '../../db/repositories/endorsements-repository.js';
import { parsePdfUpload } from '../public-site/pdf-document.js';

/** An uploaded letter as it is stored: checked to be a PDF, fingerprinted by its SHA-256. */
export function storedDocumentOf(upload: { filename: string; contentBase64: string }): DocumentInput {
  const pdf = parsePdfUpload(upload);
  return { sha256: pdf.sha256, filename: pdf.filename, size: pdf.size, contentType: pdf.contentType, bytes: pdf.bytes };
}
