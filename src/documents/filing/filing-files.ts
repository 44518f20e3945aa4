import { createHash } from 'node:crypto';
import yazl from 'yazl';
import { confirmationsCsv, cardsCsv, rosterCsv, summaryCsv } from './filing-csv.js';
import { scopeLabel } from './filing-declaration.js';
import { renderFilingPdf } from './filing-pdf.js';
import type { FilingCopy, FilingPacket } from '../../domain/filing/filing-packet.js';
import { filingFormats } from '../../vocabulary/filing.js';

export { filingFormats };
export type FilingFormat = (typeof filingFormats)[number];

export type FilingFile = { filename: string; contentType: string; body: Buffer };

const slugify = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60) || 'unit';

/** The base of every file name: what, for which unit, as of when, which copy. */
export function filingBaseName(packet: FilingPacket, copy: FilingCopy): string {
  return `proof-of-support-${slugify(scopeLabel(packet))}-${packet.filingDate}-${packet.jurisdiction === 'ca_perb' ? 'perb' : 'nlrb'}-${copy === 'board' ? 'board-copy' : 'service-copy'}`;
}

function zipOf(files: { name: string; body: Buffer }[], mtime: Date): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const f of files) zip.addBuffer(f.body, f.name, { mtime });
  const sums = files.map((f) => `${createHash('sha256').update(f.body).digest('hex')}  ${f.name}\n`).join('');
  zip.addBuffer(Buffer.from(sums), 'SHA256SUMS', { mtime });
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

const readme = (packet: FilingPacket, copy: FilingCopy, generatedAt: Date): string =>
  copy === 'board'
    ? `Proof of support — ${scopeLabel(packet)} — filing date ${packet.filingDate} — BOARD COPY (CONFIDENTIAL)
Generated ${generatedAt.toISOString()} by Unionhall for ${packet.campaignName}.

proof-of-support.pdf  the packet for the board: summary, cards counted, roster, exceptions, card language, declaration
cards.csv             every card bearing on the unit: counted ones (C1…) with all signed fields and the SHA-256, then exceptions (E1…) with the reason
roster.csv            the unit as of the filing date, with the card counted for each employee
confirmations.csv     the confirmation-transmission log of the counted electronic signatures
summary.csv           the counts, thresholds and declaration
SHA256SUMS            run "sha256sum -c SHA256SUMS" here to check that no file changed

This copy names employees who signed cards. Keep it confidential: it goes to the board only,
never to the employer (the service copy is a separate document).
`
    : `Proof of support — ${scopeLabel(packet)} — filing date ${packet.filingDate} — SERVICE COPY
Generated ${generatedAt.toISOString()} by Unionhall for ${packet.campaignName}.

service-copy.pdf  counts, dates and the declaration; names no employee
summary.csv       the same figures as data
SHA256SUMS        run "sha256sum -c SHA256SUMS" here to check that no file changed
`;

/** Renders a packet as a PDF, a CSV (board: the cards; service: the summary), or a ZIP of all. */
export async function renderFilingFile(packet: FilingPacket, copy: FilingCopy, format: FilingFormat, generatedAt: Date): Promise<FilingFile> {
  const base = filingBaseName(packet, copy);
  if (format === 'pdf') return { filename: `${base}.pdf`, contentType: 'application/pdf', body: await renderFilingPdf(packet, copy, generatedAt) };
  if (format === 'csv') {
    const body = copy === 'board' ? cardsCsv(packet) : summaryCsv(packet, generatedAt, 'service');
    return { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: Buffer.from(body, 'utf8') };
  }
  const pdf = await renderFilingPdf(packet, copy, generatedAt);
  const files =
    copy === 'board'
      ? [
          { name: 'proof-of-support.pdf', body: pdf },
          { name: 'cards.csv', body: Buffer.from(cardsCsv(packet)) },
          { name: 'roster.csv', body: Buffer.from(rosterCsv(packet)) },
          { name: 'confirmations.csv', body: Buffer.from(confirmationsCsv(packet)) },
          { name: 'summary.csv', body: Buffer.from(summaryCsv(packet, generatedAt, 'board')) },
          { name: 'README.txt', body: Buffer.from(readme(packet, copy, generatedAt)) },
        ]
      : [
          { name: 'service-copy.pdf', body: pdf },
          { name: 'summary.csv', body: Buffer.from(summaryCsv(packet, generatedAt, 'service')) },
          { name: 'README.txt', body: Buffer.from(readme(packet, copy, generatedAt)) },
        ];
  return { filename: `${base}.zip`, contentType: 'application/zip', body: await zipOf(files, generatedAt) };
}
