import PDFDocument from 'pdfkit';
import { embedUnicodeFonts } from '../pdf/pdf-fonts.js';
import { transmissionStatus } from './filing-csv.js';
import { declarationFor, jurisdictionNames, scopeLabel } from './filing-declaration.js';
import { countExceptions, exceptionLabels, exceptionReasons, type CountedCard, type FilingCopy, type FilingPacket } from '../../domain/filing/filing-packet.js';
import { formatLocalTime } from '../format-time.js';
import type { Threshold } from '../../domain/majority/thresholds.js';

const INK = '#1a1a1a';
const MUTED = '#555555';
const RULE = '#b5b5b5';
const SHADE = '#f1f1f1';
const RED = '#a11a1a';
const GREEN = '#1c6b2f';

type Doc = InstanceType<typeof PDFDocument>;
type Column = { header: string; width: number; align?: 'left' | 'right' | 'center' };

const utc = (d: Date | null | undefined): string => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '—');

/**
 * The filing packet as a PDF for the board (or the name-free service copy for the employer).
 * Names print as signed, in any script DejaVu Sans covers (see ../pdf/pdf-fonts.ts); a character
 * it lacks is printed as its code point and the page says where the exact spelling is.
 */
export async function renderFilingPdf(packet: FilingPacket, copy: FilingCopy, generatedAt: Date): Promise<Buffer> {
  const j = jurisdictionNames[packet.jurisdiction];
  const title = copy === 'board' ? 'Proof of support' : 'Proof of support — service copy';
  const doc = new PDFDocument({
    size: 'LETTER',
    margins: { top: 72, bottom: 64, left: 54, right: 54 },
    bufferPages: true,
    info: { Title: `${title} — ${scopeLabel(packet)} — ${packet.filingDate}`, Author: packet.campaignName, Subject: `${j.board}: ${j.rules}`, Creator: 'Unionhall' },
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
  const ensure = (space: number): void => {
    if (doc.y + space > bottom()) doc.addPage();
  };
  const rule = (weight = 0.5, color = RULE): void => {
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(weight).strokeColor(color).stroke();
  };
  const heading = (text: string): void => {
    ensure(80);
    doc.x = left;
    doc.fillColor(INK).font('bold').fontSize(14).text(text, left, doc.y, { width });
    doc.moveDown(0.2);
    rule(1, INK);
    doc.moveDown(0.5);
  };
  const note = (text: string): void => {
    doc.fillColor(MUTED).font('body').fontSize(9).text(text, left, doc.y, { width });
    doc.moveDown(0.5);
  };

  /** A table that repeats its header on every page it runs onto. */
  const table = (columns: Column[], rows: string[][], options: { fontSize?: number; emptyText?: string; cellColor?: (row: string[], col: number) => string; boldColumn?: number } = {}): void => {
    const size = options.fontSize ?? 8.5;
    const pad = 3;
    const drawHeader = (): void => {
      doc.font('bold').fontSize(size);
      const h = Math.max(...columns.map((c) => doc.heightOfString(c.header, { width: c.width - 2 * pad }))) + 2 * pad;
      const y = doc.y;
      doc.rect(left, y, width, h).fill('#dedede');
      let x = left;
      for (const c of columns) {
        doc.fillColor(INK).text(c.header, x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
        x += c.width;
      }
      doc.y = y + h;
    };
    ensure(40);
    drawHeader();
    if (rows.length === 0) {
      doc.font('oblique').fontSize(size).fillColor(MUTED).text(options.emptyText ?? 'None.', left + pad, doc.y + pad, { width: width - 2 * pad });
      doc.moveDown(0.6);
      doc.x = left;
      return;
    }
    rows.forEach((row, index) => {
      const h = Math.max(...columns.map((c, i) => doc.font(i === options.boldColumn ? 'bold' : 'body').fontSize(size).heightOfString(row[i] ?? '', { width: c.width - 2 * pad }))) + 2 * pad;
      if (doc.y + h > bottom()) {
        doc.addPage();
        drawHeader();
        doc.font('body').fontSize(size);
      }
      const y = doc.y;
      if (index % 2 === 1) doc.rect(left, y, width, h).fill(SHADE);
      let x = left;
      columns.forEach((c, i) => {
        doc
          .font(i === options.boldColumn ? 'bold' : 'body')
          .fillColor(options.cellColor ? options.cellColor(row, i) : INK)
          .text(row[i] ?? '', x + pad, y + pad, { width: c.width - 2 * pad, align: c.align ?? 'left' });
        x += c.width;
      });
      doc.y = y + h;
    });
    doc.moveTo(left, doc.y).lineTo(left + width, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = left;
    doc.moveDown(0.8);
  };

  const keyValues = (pairs: [string, string][], labelWidth = 150): void => {
    for (const [label, value] of pairs) {
      doc.font('body').fontSize(10);
      const h = Math.max(doc.heightOfString(value, { width: width - labelWidth }), 12);
      ensure(h + 4);
      const y = doc.y;
      doc.font('bold').fontSize(10).fillColor(MUTED).text(label, left, y, { width: labelWidth - 8 });
      doc.font('body').fontSize(10).fillColor(INK).text(value, left + labelWidth, y, { width: width - labelWidth });
      doc.y = y + h + 3;
    }
    doc.x = left;
  };

  // Cover: what this is, for whom, and the numbers.
  doc.fillColor(copy === 'board' ? RED : MUTED).font('bold').fontSize(9).text(copy === 'board' ? `CONFIDENTIAL — FOR THE ${j.office.toUpperCase()} ONLY` : 'SERVICE COPY FOR THE EMPLOYER — NAMES NO EMPLOYEE', left, doc.y, { width, characterSpacing: 0.4 });
  doc.moveDown(0.5);
  doc.fillColor(INK).font('bold').fontSize(22).text(title, { width });
  doc.font('body').fontSize(13).fillColor(INK).text(`${scopeLabel(packet)} — as of ${packet.filingDate}`, { width });
  doc.moveDown(0.2);
  doc.fontSize(10).fillColor(MUTED).text(`Submitted to the ${j.board} (${j.rules}).`, { width });
  doc.moveDown(0.8);
  rule(1, INK);
  doc.moveDown(0.8);

  keyValues([
    ['Employee organization', packet.campaignName],
    [packet.employers.length === 1 ? 'Employer' : 'Employers', packet.employers.join('\n') || '—'],
    ['Bargaining unit', scopeLabel(packet)],
    ['Filing date', packet.filingDate],
    ['Card validity', `${packet.validityMonths} months from signing; cards signed ${packet.signedBetween ? `${packet.signedBetween.first} to ${packet.signedBetween.last}` : '—'}`],
    ['Generated', utc(generatedAt)],
  ]);
  doc.moveDown(0.6);

  const f = packet.figures;
  doc.fillColor(INK).font('bold').fontSize(12).text('Support on the filing date', left, doc.y, { width });
  doc.moveDown(0.3);
  doc.font('body').fontSize(11).text(`${f.valid_cards} valid cards of ${f.eligible} employees in the unit: ${f.percent}%.`, { width });
  doc.moveDown(0.5);
  const result = (t: Threshold): string => (t.met ? 'Met' : `Not met (${t.remaining} more needed)`);
  const thresholdRows: string[][] = [
    ['Showing of interest (30%)', String(f.thresholds.showing_of_interest.needed), String(f.valid_cards), result(f.thresholds.showing_of_interest)],
    ['Majority (50% + 1)', String(f.thresholds.majority.needed), String(f.valid_cards), result(f.thresholds.majority)],
  ];
  // The campaign's own goal is strategy: the board sees it, the employer's copy does not.
  if (copy === 'board') thresholdRows.push([`Campaign goal (${packet.goalPercent}%)`, String(f.thresholds.goal.needed), String(f.valid_cards), result(f.thresholds.goal)]);
  table(
    [
      { header: 'Threshold', width: 200 },
      { header: 'Cards needed', width: 90, align: 'right' },
      { header: 'Valid cards', width: 80, align: 'right' },
      { header: 'Result', width: 134 },
    ],
    thresholdRows,
    { fontSize: 10, cellColor: (row, col) => (col === 3 ? (row[3]?.startsWith('Met') ? GREEN : RED) : INK), boldColumn: 3 },
  );

  if (copy === 'board') {
    const counts = countExceptions(packet);
    const listed = exceptionReasons.filter((r) => counts[r] > 0).map((r) => `${counts[r]} ${exceptionLabels[r].toLowerCase()}`);
    note(
      `Integrity: ${packet.integrity.checked} cards bearing on the unit were checked against the SHA-256 hash recorded at signing when this packet was generated; ${packet.integrity.altered === 0 ? 'all matched' : `${packet.integrity.altered} did not match and are excluded`}. ` +
        `Not counted: ${packet.exceptions.length === 0 ? 'none' : listed.join('; ')} (section 3).`,
    );
    doc.moveDown(0.3);
    doc.fillColor(INK).font('bold').fontSize(11).text('Contents', left, doc.y, { width });
    doc.moveDown(0.2);
    const sections = [
      `1. Valid cards counted (${packet.counted.length})${packet.jurisdiction === 'nlrb' ? ', with the six elements of each electronic signature' : ''}`,
      `2. Roster as of ${packet.filingDate} (${packet.roster.length} employees)`,
      `3. Cards not counted, with the reason (${packet.exceptions.length})`,
      `4. Card language (${packet.texts.length} text${packet.texts.length === 1 ? '' : 's'})`,
      '5. Confirmation-transmission log',
      '6. Declaration',
    ];
    doc.font('body').fontSize(10).fillColor(INK).text(sections.join('\n'), { width });

    // With one school, a School column would repeat the same name on every line.
    const oneSchool = packet.worksite !== null;

    // 1. Valid cards.
    doc.addPage();
    heading(`1. Valid cards counted (${packet.counted.length})`);
    if (packet.jurisdiction === 'nlrb') {
      note(`Each card with the six elements of GC Memo 15-08: name, personal email (contact), phone, the language agreed to (section 4), the date signed and the employer’s name. Times are local (${packet.timeZone}). “SHA-256” fixes the signed content (see the declaration).`);
      if (packet.counted.length === 0) note('No valid cards.');
      for (const c of packet.counted) cardBlock(doc, c, packet.timeZone, left, width, bottom);
    } else {
      note('One card per employee, each signed and dated by the employee and less than one year old on the filing date. The name is shown as on the roster and as signed; “Card” gives how it was signed and its text (section 4).');
      table(
        [
          { header: 'No.', width: 32 },
          { header: 'Employee (roster)', width: oneSchool ? 140 : 110 },
          { header: 'Name as signed', width: oneSchool ? 130 : 100 },
          ...(oneSchool ? [] : [{ header: 'School', width: 90 }]),
          { header: 'Job title', width: oneSchool ? 100 : 70 },
          { header: 'Date signed', width: 56 },
          { header: 'Card', width: 46 },
        ],
        packet.counted.map((c) => [
          `C${c.number}`,
          `${c.person.familyName}, ${c.person.givenName}`,
          c.card.signerName,
          ...(oneSchool ? [] : [c.person.worksiteName]),
          c.person.jobTitle,
          c.card.signedOn,
          `${c.card.source === 'electronic' ? 'e-sign' : 'paper'} ${c.textRef}`,
        ]),
        { emptyText: 'No valid cards.' },
      );
    }

    // 2. Roster.
    doc.addPage();
    heading(`2. Roster as of ${packet.filingDate} (${packet.roster.length} employees)`);
    note(`Everyone employed in the ${scopeLabel(packet)} on the filing date, once each, as in the employer’s records imported by the employee organization. “Card” gives the card counted for the employee (section 1).`);
    table(
      [
        { header: 'Line', width: 34 },
        { header: 'Employee', width: oneSchool ? 190 : 150 },
        { header: 'Employee no.', width: oneSchool ? 90 : 66 },
        ...(oneSchool ? [] : [{ header: 'School', width: 116 }]),
        { header: 'Job title', width: oneSchool ? 146 : 96 },
        { header: 'Card', width: 44 },
      ],
      packet.roster.map((r, i) => [String(i + 1), `${r.familyName}, ${r.givenName}`, r.employeeId ?? '', ...(oneSchool ? [] : [r.worksiteName]), r.jobTitle, r.cardNumber === null ? '—' : `C${r.cardNumber}`]),
      { emptyText: 'No one was in the unit on this date.' },
    );

    // 3. Exceptions.
    doc.addPage();
    heading(`3. Cards not counted (${packet.exceptions.length})`);
    note('Every card signed by the filing date that bears on this unit (by its signer or its school) and does not count, with the reason.');
    table(
      [
        { header: 'No.', width: 32 },
        { header: 'Name as signed', width: 104 },
        { header: 'School on card', width: 96 },
        { header: 'Signed', width: 56 },
        { header: 'Reason', width: 216 },
      ],
      packet.exceptions.map((e) => [`E${e.number}`, e.card.signerName, e.card.worksiteName, e.card.signedOn, `${exceptionLabels[e.reason]}. ${e.detail}`]),
      { emptyText: 'None: every card bearing on the unit is counted.' },
    );

    // 4. Card language (follows on the same page when there is room).
    doc.moveDown(0.6);
    heading('4. Card language');
    note('The exact text each counted card agreed to, with the employer’s name as it appeared to the signer.');
    if (packet.texts.length === 0) note('No valid cards.');
    for (const t of packet.texts) {
      ensure(90);
      doc.fillColor(INK).font('bold').fontSize(10.5).text(`${t.ref} — card text version ${t.version} — ${t.employerName}`, left, doc.y, { width });
      doc.moveDown(0.3);
      doc.font('body').fontSize(9.5).fillColor(INK).text(t.text, left + 12, doc.y, { width: width - 24 });
      doc.x = left;
      doc.moveDown(0.9);
    }

    // 5. Confirmation-transmission log.
    doc.addPage();
    heading('5. Confirmation-transmission log');
    const electronic = packet.counted.filter((c) => c.card.source === 'electronic');
    const subjects = [...new Set(electronic.flatMap((c) => (c.card.confirmation ? [c.card.confirmation.subject] : [])))];
    note(
      `For each counted electronic signature: the confirmation restating the card, sent to the signer’s personal email right after signing. Recorded = written to the transmission log; sent = accepted by the mail server. Times are local (${packet.timeZone}).` +
        (subjects.length === 1 ? ` Subject of every confirmation: “${subjects[0] ?? ''}”.` : ''),
    );
    table(
      [
        { header: 'Card', width: 34 },
        { header: 'Signed', width: 80 },
        { header: 'Recorded', width: 80 },
        { header: subjects.length === 1 ? 'To' : 'To / subject', width: 160 },
        { header: 'Transmission', width: 150 },
      ],
      electronic.map((c) => [
        `C${c.number}`,
        formatLocalTime(c.card.signedAt, packet.timeZone),
        formatLocalTime(c.card.confirmation?.createdAt, packet.timeZone),
        c.card.confirmation ? (subjects.length === 1 ? c.card.confirmation.toAddress : `${c.card.confirmation.toAddress}\n${c.card.confirmation.subject}`) : '—',
        `${transmissionStatus(c.card.confirmation)}${c.card.confirmation?.sentAt ? `, ${formatLocalTime(c.card.confirmation.sentAt, packet.timeZone)}` : ''}`,
      ]),
      { emptyText: 'No electronic signatures counted.' },
    );
  }

  // Declaration.
  const declaration = declarationFor(packet, copy);
  if (copy === 'board') doc.addPage();
  else doc.moveDown(0.6);
  heading(copy === 'board' ? `6. ${declaration.title}` : declaration.title);
  for (const p of declaration.paragraphs) {
    doc.fillColor(INK).fontSize(10);
    if (p.lead) doc.font('bold').text(`${p.lead} `, left, doc.y, { width, align: 'justify', continued: true }).font('body').text(p.text, { width, align: 'justify' });
    else doc.font('body').text(p.text, left, doc.y, { width, align: 'justify' });
    doc.moveDown(0.6);
  }
  doc.font('oblique').fontSize(10).text(declaration.perjury, left, doc.y, { width });
  doc.moveDown(1.8);
  ensure(90);
  const lines: [string, string][] = [
    ['Signature', 'Date'],
    ['Name', 'Title'],
    ['Place signed', ''],
  ];
  for (const [a, b] of lines) {
    const y = doc.y + 14;
    doc.moveTo(left, y).lineTo(left + width * 0.55, y).lineWidth(0.6).strokeColor(INK).stroke();
    if (b) doc.moveTo(left + width * 0.62, y).lineTo(left + width, y).stroke();
    doc.font('body').fontSize(8).fillColor(MUTED).text(a, left, y + 3, { width: 200 });
    if (b) doc.text(b, left + width * 0.62, y + 3, { width: 200 });
    doc.y = y + 20;
  }
  doc.x = left;

  // Between the content (64 pt margin) and the footer rule (48 pt from the bottom).
  fonts.footnoteCodePoints(`[U+…]: a character the font of this PDF cannot show; the packet’s CSV files give the exact spelling.`, 58);

  // Running header and footer, once the page count is known.
  const range = doc.bufferedPageRange();
  const banner = copy === 'board' ? `CONFIDENTIAL PROOF OF SUPPORT — ${j.office.toUpperCase()} ONLY — NOT TO BE SERVED ON OR SHOWN TO THE EMPLOYER` : 'SERVICE COPY — CONTAINS COUNTS ONLY, NO EMPLOYEE IS NAMED';
  // DejaVu Sans is wider than Helvetica: the board banner shrinks a little to stay on one line.
  const bannerSize = Math.min(7.5, (7.5 * width) / doc.font('bold').fontSize(7.5).widthOfString(banner, { characterSpacing: 0 }));
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const savedBottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('bold').fontSize(bannerSize).fillColor(copy === 'board' ? RED : MUTED).text(banner, left, 34, { width, align: 'center', lineBreak: false });
    doc.moveTo(left, 48).lineTo(left + width, 48).lineWidth(0.5).strokeColor(copy === 'board' ? RED : RULE).stroke();
    const footY = doc.page.height - 42;
    doc.moveTo(left, footY - 6).lineTo(left + width, footY - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font('body').fontSize(7.5).fillColor(MUTED);
    doc.text(`${packet.campaignName} — ${scopeLabel(packet)} — filing date ${packet.filingDate} — ${copy === 'board' ? 'board copy' : 'service copy'}`, left, footY, { width: width - 90, lineBreak: false });
    doc.text(`Page ${i + 1} of ${range.count}`, left + width - 90, footY, { width: 90, align: 'right', lineBreak: false });
    doc.text(`Generated ${utc(generatedAt)}`, left, footY + 10, { width, lineBreak: false });
    doc.page.margins.bottom = savedBottom;
  }
  doc.end();
  return finished;
}

/** One electronic (or paper) card with the six elements, kept together on a page. */
function cardBlock(doc: Doc, c: CountedCard, timeZone: string, left: number, width: number, bottom: () => number): void {
  const at = (d: Date | null | undefined): string => formatLocalTime(d, timeZone);
  const k = c.card;
  const confirmation = k.confirmation;
  const pairs: [string, string][] = [
    ['Name (signed)', `${k.signerName}${k.typedSignature ? ` — typed signature “${k.typedSignature}”` : ''}`],
    ['Roster', `${c.person.familyName}, ${c.person.givenName}${c.person.employeeId ? ` (no. ${c.person.employeeId})` : ''} — ${c.person.worksiteName}, ${c.person.jobTitle}`],
    ['Personal email', k.email ?? '—'],
    ['Phone', k.phone ?? '—'],
    ['Employer', k.employerName],
    ['Language agreed to', `${c.textRef} (card text version ${k.cardTextVersion}; section 4)`],
    ['Date signed', k.source === 'electronic' ? `${k.signedOn} (signed electronically ${at(k.signedAt)})` : `${k.signedOn} (paper card, dated by hand; scan on file)`],
    ['Confirmation', k.source === 'electronic' ? (confirmation ? `${transmissionStatus(confirmation)}; to ${confirmation.toAddress}, recorded ${at(confirmation.createdAt)}` : 'no confirmation recorded') : confirmation ? `sent to ${confirmation.toAddress}, recorded ${at(confirmation.createdAt)}` : 'not applicable (paper card without email)'],
    ['SHA-256', k.contentHash],
  ];
  // Wide enough for "Language agreed to" on one line in DejaVu Sans Bold; a label that still wraps makes its row taller.
  const labelWidth = 112;
  const heights = pairs.map(([l, v]) => Math.max(doc.font('body').fontSize(8.5).heightOfString(v, { width: width - labelWidth - 8 }), doc.font('bold').heightOfString(l, { width: labelWidth - 6 }), 10) + 2);
  const total = heights.reduce((a, b) => a + b, 0) + 24;
  if (doc.y + total > bottom()) doc.addPage();
  const top = doc.y;
  doc.fillColor(INK).font('bold').fontSize(10).text(`C${c.number}   ${c.person.familyName}, ${c.person.givenName}`, left + 6, top + 4, { width: width - 12 });
  let y = doc.y + 3;
  pairs.forEach(([label, value], i) => {
    doc.font('bold').fontSize(8.5).fillColor(MUTED).text(label, left + 6, y, { width: labelWidth - 6 });
    doc.font(label === 'SHA-256' ? 'mono' : 'body').fontSize(label === 'SHA-256' ? 8 : 8.5).fillColor(INK).text(value, left + labelWidth, y, { width: width - labelWidth - 8 });
    y += heights[i] ?? 12;
  });
  doc.rect(left, top, width, y - top + 4).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y = y + 12;
  doc.x = left;
}
