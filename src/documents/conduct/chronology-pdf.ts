import type { Chronology } from '../../domain/conduct/build-chronology.js';
import type { IncidentView } from '../../domain/conduct/incident-view.js';
import { agentRoleLabels, describeStatus, kindLabels } from '../../domain/conduct/conduct-vocabulary.js';
import { formatCitation } from '../../domain/conduct/exhibits.js';
import { formatUtcMinute } from '../format-time.js';
import { createPdfWriter, pdfColors } from '../pdf/pdf-toolkit.js';

export type ChronologyHeading = { campaignName: string; filters: string[] };

const { ink: INK, muted: MUTED, warn: WARN, alert: EXPIRED } = pdfColors;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function deadlineText(incident: IncidentView): { text: string; color: string } {
  const d = incident.deadline;
  switch (d.level) {
    case 'filed':
      return { text: `${d.deadline} (charge filed)`, color: MUTED };
    case 'expired':
      return { text: `${d.deadline} (passed ${-d.daysLeft} days ago)`, color: EXPIRED };
    case 'warning':
      return { text: `${d.deadline} (${d.daysLeft} days left)`, color: WARN };
    default:
      return { text: `${d.deadline} (${d.daysLeft} days left)`, color: INK };
  }
}

/** Renders the chronology for counsel: one entry per incident, then the list of exhibits. */
export function renderChronologyPdf(chronology: Chronology, heading: ChronologyHeading): Promise<Buffer> {
  const pdf = createPdfWriter({
    margins: { top: 60, side: 64 },
    info: { Title: `Employer conduct chronology — ${heading.campaignName}`, Author: 'Unionhall', Subject: 'Chronology of employer conduct, with exhibits' },
  });
  const { doc, left, width } = pdf;
  const exhibitOf = new Map(chronology.exhibits.map((e) => [e.attachment.id, e.number]));

  // Title block.
  doc.fillColor(MUTED).font('body').fontSize(9).text('CONFIDENTIAL — PREPARED FOR COUNSEL', { characterSpacing: 0.5 });
  doc.moveDown(0.6);
  doc.fillColor(INK).font('bold').fontSize(20).text('Chronology of employer conduct');
  doc.font('body').fontSize(12).text(heading.campaignName);
  doc.moveDown(0.4);
  doc.fillColor(MUTED).fontSize(9.5);
  doc.text(`Generated ${formatUtcMinute(chronology.generatedAt)}. Charge deadlines as of ${chronology.asOf}.`);
  doc.text(`${chronology.incidents.length} incident${chronology.incidents.length === 1 ? '' : 's'}, ${chronology.exhibits.length} exhibit${chronology.exhibits.length === 1 ? '' : 's'}.${heading.filters.length > 0 ? ` Filtered by ${heading.filters.join('; ')}.` : ''}`);
  doc.text('Deadlines are six months from the conduct (Gov. Code §3541.5(a); NLRA §10(b)), counted without weekend or holiday extensions.');
  doc.moveDown(0.8);
  pdf.drawRule(1, INK);
  doc.moveDown(0.8);

  if (chronology.incidents.length === 0) {
    doc.fillColor(INK).font('oblique').fontSize(11).text('No incidents match.');
  }

  const field = (label: string, value: string, color: string = INK): void => {
    if (!value) return;
    doc.font('bold').fontSize(9.5).fillColor(MUTED).text(`${label}  `, { continued: true });
    doc.font('body').fillColor(color).text(value);
  };

  chronology.incidents.forEach((incident, index) => {
    // Keep an entry's heading with at least a few lines of its body.
    pdf.ensureSpace(120);
    const when = incident.occurredTime ? `${incident.occurredOn}, ${incident.occurredTime}` : incident.occurredOn;
    doc.fillColor(INK).font('bold').fontSize(12).text(`${index + 1}.  ${when} — ${kindLabels[incident.kind]}`);
    doc.font('body').fontSize(11).text(incident.title);
    doc.moveDown(0.3);
    field('Worksite', incident.worksites.map((w) => w.name).join('; '));
    field('Who acted', incident.agents.map((a) => `${a.name} (${a.title || agentRoleLabels[a.role]})`).join('; '));
    field('May breach', incident.provisions.map((p) => `${p.code} — ${p.title}`).join('; '));
    const deadline = deadlineText(incident);
    field('Charge deadline', deadline.text, deadline.color);
    field('Status', describeStatus(incident.status, incident.chargeNumber));
    if (incident.description) {
      doc.moveDown(0.3);
      doc.font('body').fontSize(10).fillColor(INK).text(incident.description, { align: 'left' });
    }
    if (incident.quotes.length > 0) {
      doc.moveDown(0.3);
      doc.font('bold').fontSize(9.5).fillColor(MUTED).text('What was said');
      for (const quote of incident.quotes) {
        const citation = formatCitation(quote.attachmentId ? exhibitOf.get(quote.attachmentId) : undefined, quote.pageFrom, quote.pageTo);
        const attribution = [quote.speaker?.name, quote.source, citation].filter(Boolean).join(', ');
        doc.font('oblique').fontSize(10).fillColor(INK).text(`“${quote.text}”`, left + 14, doc.y, { width: width - 14 });
        if (attribution) doc.font('body').fontSize(9).fillColor(MUTED).text(`— ${attribution}`, left + 14, doc.y, { width: width - 14 });
        doc.moveDown(0.2);
      }
      doc.x = left;
    }
    doc.moveDown(0.2);
    field('Witnesses', incident.witnesses.map((w) => w.name).join('; '));
    field('Reported by', incident.reportedBy?.name ?? '');
    field(
      'Exhibits',
      incident.attachments
        .map((a) => `Exhibit ${exhibitOf.get(a.id) ?? '?'} (${a.filename})`)
        .join('; '),
    );
    doc.moveDown(0.6);
    pdf.drawRule();
    doc.moveDown(0.8);
  });

  // The exhibit list: what the ZIP holds, with the hash recorded when each file was uploaded.
  if (chronology.exhibits.length > 0) {
    doc.addPage();
    pdf.writeHeading('Exhibits');
    pdf.writeNote('SHA-256 recorded at upload. The exhibits archive holds each file and a manifest; run “sha256sum -c SHA256SUMS” in it to check every file.');
    for (const { number, attachment } of chronology.exhibits) {
      pdf.ensureSpace(60);
      doc.fillColor(INK).font('bold').fontSize(10.5).text(`Exhibit ${number}.  `, { continued: true });
      doc.font('body').text(attachment.filename);
      const citedIn = chronology.incidents.flatMap((incident, index) => (incident.attachments.some((a) => a.id === attachment.id) || incident.quotes.some((q) => q.attachmentId === attachment.id) ? [index + 1] : []));
      const details = [
        attachment.mediaType,
        formatBytes(attachment.sizeBytes),
        `uploaded ${attachment.uploadedAt.toISOString().slice(0, 10)}`,
        citedIn.length > 0 ? `cited in incident${citedIn.length === 1 ? '' : 's'} ${citedIn.join(', ')}` : '',
        attachment.description,
      ]
        .filter(Boolean)
        .join(' · ');
      doc.fillColor(MUTED).fontSize(9).text(details);
      doc.font('mono').fontSize(8.5).fillColor(INK).text(`SHA-256 ${attachment.sha256}`);
      doc.moveDown(0.5);
    }
  }

  return pdf.finish({
    footer: [`${heading.campaignName} — chronology of employer conduct — generated ${formatUtcMinute(chronology.generatedAt)}`],
    codePointNote: '[U+…]: a character the font of this PDF cannot show; the chronology CSV gives the exact spelling.',
  });
}
