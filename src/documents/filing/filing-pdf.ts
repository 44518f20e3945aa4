import { countExceptions, describeCardText, exceptionLabels, exceptionReasons, type CountedCard, type FilingCopy, type FilingPacket } from '../../domain/filing/filing-packet.js';
import type { Threshold } from '../../domain/majority/thresholds.js';
import { formatLocalTime, formatUtcMinute } from '../format-time.js';
import { createPdfWriter, pdfColors, type PdfWriter } from '../pdf/pdf-toolkit.js';
import { transmissionStatus } from './filing-csv.js';
import { declarationFor, jurisdictionNames, scopeLabel } from './filing-declaration.js';

const { ink: INK, muted: MUTED, alert: RED, ok: GREEN, rule: RULE } = pdfColors;

/**
 * The filing packet as a PDF for the board (or the name-free service copy for the employer).
 * Names print as signed, in any script DejaVu Sans covers (see ../pdf/pdf-fonts.ts); a character
 * it lacks is printed as its code point and the page says where the exact spelling is.
 */
export function renderFilingPdf(packet: FilingPacket, copy: FilingCopy, generatedAt: Date): Promise<Buffer> {
  const j = jurisdictionNames[packet.jurisdiction];
  const title = copy === 'board' ? 'Proof of support' : 'Proof of support — service copy';
  const pdf = createPdfWriter({
    margins: { top: 72, side: 54 },
    info: { Title: `${title} — ${scopeLabel(packet)} — ${packet.filingDate}`, Author: packet.campaignName, Subject: `${j.board}: ${j.rules}` },
  });
  const { doc, left, width } = pdf;

  // Cover: what this is, for whom, and the numbers.
  doc.fillColor(copy === 'board' ? RED : MUTED).font('bold').fontSize(9).text(copy === 'board' ? `CONFIDENTIAL — FOR THE ${j.office.toUpperCase()} ONLY` : 'SERVICE COPY FOR THE EMPLOYER — NAMES NO EMPLOYEE', left, doc.y, { width, characterSpacing: 0.4 });
  doc.moveDown(0.5);
  doc.fillColor(INK).font('bold').fontSize(22).text(title, { width });
  doc.font('body').fontSize(13).fillColor(INK).text(`${scopeLabel(packet)} — as of ${packet.filingDate}`, { width });
  doc.moveDown(0.2);
  doc.fontSize(10).fillColor(MUTED).text(`Submitted to the ${j.board} (${j.rules}).`, { width });
  doc.moveDown(0.8);
  pdf.drawRule(1, INK);
  doc.moveDown(0.8);

  pdf.writeKeyValues([
    ['Employee organization', packet.campaignName],
    [packet.employers.length === 1 ? 'Employer' : 'Employers', packet.employers.join('\n') || '—'],
    ['Bargaining unit', scopeLabel(packet)],
    ['Filing date', packet.filingDate],
    ['Card validity', `${packet.validityMonths} months from signing; cards signed ${packet.signedBetween ? `${packet.signedBetween.first} to ${packet.signedBetween.last}` : '—'}`],
    ['Generated', formatUtcMinute(generatedAt)],
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
  pdf.drawTable(
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
    pdf.writeNote(
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
    pdf.writeHeading(`1. Valid cards counted (${packet.counted.length})`);
    if (packet.jurisdiction === 'nlrb') {
      pdf.writeNote(`Each card with the six elements of GC Memo 15-08: name, personal email (contact), phone, the language agreed to (section 4), the date signed and the employer’s name. Times are local (${packet.timeZone}). “SHA-256” fixes the signed content (see the declaration).`);
      if (packet.counted.length === 0) pdf.writeNote('No valid cards.');
      for (const c of packet.counted) drawCardBlock(pdf, c, packet.timeZone);
    } else {
      pdf.writeNote('One card per employee, each signed and dated by the employee and less than one year old on the filing date. The name is shown as on the roster and as signed; “Card” gives how it was signed and its text (section 4).');
      pdf.drawTable(
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
    pdf.writeHeading(`2. Roster as of ${packet.filingDate} (${packet.roster.length} employees)`);
    pdf.writeNote(`Everyone employed in the ${scopeLabel(packet)} on the filing date, once each, as in the employer’s records imported by the employee organization. “Card” gives the card counted for the employee (section 1).`);
    pdf.drawTable(
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
    pdf.writeHeading(`3. Cards not counted (${packet.exceptions.length})`);
    pdf.writeNote('Every card signed by the filing date that bears on this unit (by its signer or its school) and does not count, with the reason.');
    pdf.drawTable(
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
    pdf.writeHeading('4. Card language');
    pdf.writeNote('The exact text each counted card agreed to, in the language the signer read and signed it in, with the employer’s name as it appeared to the signer.');
    if (packet.texts.length === 0) pdf.writeNote('No valid cards.');
    for (const t of packet.texts) {
      pdf.ensureSpace(90);
      doc.fillColor(INK).font('bold').fontSize(10.5).text(`${t.ref} — card text ${describeCardText(t)} — ${t.employerName}`, left, doc.y, { width });
      doc.moveDown(0.3);
      doc.font('body').fontSize(9.5).fillColor(INK).text(t.text, left + 12, doc.y, { width: width - 24 });
      doc.x = left;
      doc.moveDown(0.9);
    }

    // 5. Confirmation-transmission log.
    doc.addPage();
    pdf.writeHeading('5. Confirmation-transmission log');
    const electronic = packet.counted.filter((c) => c.card.source === 'electronic');
    const subjects = [...new Set(electronic.flatMap((c) => (c.card.confirmation ? [c.card.confirmation.subject] : [])))];
    pdf.writeNote(
      `For each counted electronic signature: the confirmation restating the card, sent to the signer’s personal email right after signing. Recorded = written to the transmission log; sent = accepted by the mail server. Times are local (${packet.timeZone}).` +
        (subjects.length === 1 ? ` Subject of every confirmation: “${subjects[0] ?? ''}”.` : ''),
    );
    pdf.drawTable(
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
  pdf.writeHeading(copy === 'board' ? `6. ${declaration.title}` : declaration.title);
  for (const p of declaration.paragraphs) {
    doc.fillColor(INK).fontSize(10);
    if (p.lead) doc.font('bold').text(`${p.lead} `, left, doc.y, { width, align: 'justify', continued: true }).font('body').text(p.text, { width, align: 'justify' });
    else doc.font('body').text(p.text, left, doc.y, { width, align: 'justify' });
    doc.moveDown(0.6);
  }
  doc.font('oblique').fontSize(10).text(declaration.perjury, left, doc.y, { width });
  doc.moveDown(1.8);
  pdf.ensureSpace(90);
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

  return pdf.finish({
    header: {
      text: copy === 'board' ? `CONFIDENTIAL PROOF OF SUPPORT — ${j.office.toUpperCase()} ONLY — NOT TO BE SERVED ON OR SHOWN TO THE EMPLOYER` : 'SERVICE COPY — CONTAINS COUNTS ONLY, NO EMPLOYEE IS NAMED',
      color: copy === 'board' ? RED : MUTED,
      ruleColor: copy === 'board' ? RED : RULE,
    },
    // Two lines, each held to one line: a long school name once wrapped the first over the second.
    footer: [`${packet.campaignName} — ${scopeLabel(packet)}`, `Filing date ${packet.filingDate} — ${copy === 'board' ? 'board copy' : 'service copy'} — generated ${formatUtcMinute(generatedAt)}`],
    codePointNote: '[U+…]: a character the font of this PDF cannot show; the packet’s CSV files give the exact spelling.',
  });
}

/** One electronic (or paper) card with the six elements, kept together on a page. */
function drawCardBlock(pdf: PdfWriter, c: CountedCard, timeZone: string): void {
  const { doc, left, width } = pdf;
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
  pdf.ensureSpace(total);
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
