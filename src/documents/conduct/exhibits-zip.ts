import { createHash } from 'node:crypto';
import { PassThrough, Readable } from 'node:stream';
import { stringify } from '../csv.js';
import yazl from 'yazl';
import type { Chronology } from '../../domain/conduct/build-chronology.js';

export type ManifestEntry = {
  exhibit: number;
  path: string;
  originalFilename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
  description: string;
};

/** The name of exhibit N inside the archive: sorted by number, readable, unique. */
export function exhibitPath(number: number, filename: string): string {
  return `exhibits/Exhibit-${String(number).padStart(3, '0')}-${filename.replace(/[^\w.\-() ]+/g, '_')}`;
}

export function buildManifest(chronology: Chronology): ManifestEntry[] {
  return chronology.exhibits.map(({ number, attachment }) => ({
    exhibit: number,
    path: exhibitPath(number, attachment.filename),
    originalFilename: attachment.filename,
    mediaType: attachment.mediaType,
    sizeBytes: attachment.sizeBytes,
    sha256: attachment.sha256,
    uploadedAt: attachment.uploadedAt.toISOString(),
    description: attachment.description,
  }));
}

const readme = (title: string, generatedAt: string, count: number): string => `${title}
Exhibits archive generated ${generatedAt} by Unionhall.

This archive holds ${count} exhibit file(s) under exhibits/, numbered as in the chronology.
manifest.csv and manifest.json list, for each exhibit, the SHA-256 hash recorded when the file
was uploaded; Unionhall never changes a file after upload.

To check that no file changed since upload, run in this folder:
    sha256sum -c SHA256SUMS
(on macOS: shasum -a 256 -c SHA256SUMS). Every line must end in "OK".
`;

/**
 * Streams a ZIP of the chronology's exhibits with a manifest of their upload hashes. Files are
 * read from the database one at a time, as the archive reaches them, so memory stays at one file.
 */
export function streamExhibitsZip(chronology: Chronology, title: string, readContent: (attachmentId: string) => Promise<Buffer | undefined>): Readable {
  const zip = new yazl.ZipFile();
  const manifest = buildManifest(chronology);
  const mtime = chronology.generatedAt;
  const output = new PassThrough();
  zip.outputStream.on('error', (err: Error) => output.destroy(err));
  zip.outputStream.pipe(output);

  manifest.forEach((entry) => {
    zip.addReadStreamLazy(entry.path, { mtime, compress: false }, (callback) => {
      readContent(chronology.exhibits.find((e) => e.number === entry.exhibit)?.attachment.id ?? '')
        .then((content) => {
          if (!content) throw new Error(`exhibit ${entry.exhibit} has no content`);
          // The bytes sent are the bytes stored; if they no longer hash to the upload hash, the
          // archive must not pretend otherwise: stop with an error rather than ship a bad exhibit.
          if (createHash('sha256').update(content).digest('hex') !== entry.sha256) throw new Error(`exhibit ${entry.exhibit} does not match its upload hash`);
          callback(null, Readable.from([content]));
        })
        .catch((err: unknown) => callback(err, Readable.from([])));
    });
  });
  zip.addBuffer(Buffer.from(stringify(manifest, { header: true, columns: ['exhibit', 'path', 'originalFilename', 'mediaType', 'sizeBytes', 'sha256', 'uploadedAt', 'description'] })), 'manifest.csv', { mtime });
  zip.addBuffer(Buffer.from(`${JSON.stringify({ title, generatedAt: chronology.generatedAt.toISOString(), algorithm: 'sha256', exhibits: manifest }, null, 2)}\n`), 'manifest.json', { mtime });
  zip.addBuffer(Buffer.from(manifest.map((e) => `${e.sha256}  ${e.path}\n`).join('')), 'SHA256SUMS', { mtime });
  zip.addBuffer(Buffer.from(readme(title, chronology.generatedAt.toISOString(), manifest.length)), 'README.txt', { mtime });
  zip.end();
  return output;
}
