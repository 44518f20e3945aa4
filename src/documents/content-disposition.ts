import { create } from 'content-disposition';

/**
 * The Content-Disposition header of every file we send. The `content-disposition` package writes
 * the name as RFC 6266 asks: bare when it is a plain token, quoted and escaped otherwise, and,
 * when it has letters beyond ASCII ("Nguyễn notes.pdf"), exactly in `filename*` with an ASCII
 * stand-in in `filename` for old clients. So a name with quotes, semicolons or any script can
 * neither break the header nor change what is downloaded.
 */
export function formatContentDisposition(filename: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  // The package's own stand-in uses "?", which some systems refuse in file names; "_" is safe everywhere.
  const fallback = filename.replace(/[^\x20-\x7e]/g, '_');
  return create(filename, { type: disposition, fallback });
}
