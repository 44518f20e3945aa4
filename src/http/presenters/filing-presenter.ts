import { declarationFor } from '../../documents/filing/filing-declaration.js';
import { countExceptions, exceptionLabels, type FilingPacket } from '../../domain/filing/filing-packet.js';

/** What the Filing page shows before a file is generated: the numbers, and what will not count. */
export function presentFilingPreview(packet: FilingPacket) {
  return {
    jurisdiction: packet.jurisdiction,
    filingDate: packet.filingDate,
    validityMonths: packet.validityMonths,
    goalPercent: packet.goalPercent,
    unit: packet.unit,
    worksite: packet.worksite ? { id: packet.worksite.id, name: packet.worksite.name } : null,
    employers: packet.employers,
    figures: packet.figures,
    counted: { total: packet.counted.length, electronic: packet.counted.filter((c) => c.card.source === 'electronic').length, paper: packet.counted.filter((c) => c.card.source === 'paper').length },
    signedBetween: packet.signedBetween,
    integrity: packet.integrity,
    exceptionCounts: countExceptions(packet),
    exceptions: packet.exceptions.map((e) => ({
      ref: `E${e.number}`,
      cardId: e.card.id,
      signerName: e.card.signerName,
      worksiteName: e.card.worksiteName,
      signedOn: e.card.signedOn,
      source: e.card.source,
      reason: e.reason,
      reasonLabel: exceptionLabels[e.reason],
      detail: e.detail,
    })),
    declaration: { board: declarationFor(packet, 'board').title, service: declarationFor(packet, 'service').title },
  };
}
