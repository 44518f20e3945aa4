import type { CardHashReport as CardHashReportBody, FilingPreview } from '../../contracts/filing.js';
import type { CardHashReport } from '../../domain/cards/verify-card-hashes.js';
import { countExceptions, exceptionLabels, type FilingPacket } from '../../domain/filing/filing-packet.js';
import type { SupportFigures } from '../../domain/majority/thresholds.js';
import { declarationFor } from '../../documents/filing/filing-declaration.js';

/** The numbers in the organizer API's casing (decision 0019). */
function presentFigures(f: SupportFigures): FilingPreview['figures'] {
  const t = f.thresholds;
  return { eligible: f.eligible, validCards: f.valid_cards, percent: f.percent, thresholds: { showingOfInterest: t.showing_of_interest, majority: t.majority, goal: t.goal } };
}

/** What the Filing page shows before a file is generated: the numbers, the warnings, and what will not count. */
export function presentFilingPreview(packet: FilingPacket): FilingPreview {
  return {
    jurisdiction: packet.jurisdiction,
    filingDate: packet.filingDate,
    validityMonths: packet.validityMonths,
    goalPercent: packet.goalPercent,
    unit: packet.unit,
    worksite: packet.worksite ? { id: packet.worksite.id, name: packet.worksite.name } : null,
    employers: packet.employers,
    figures: presentFigures(packet.figures),
    counted: { total: packet.counted.length, electronic: packet.counted.filter((c) => c.card.source === 'electronic').length, paper: packet.counted.filter((c) => c.card.source === 'paper').length },
    signedBetween: packet.signedBetween,
    integrity: packet.integrity,
    warnings: packet.warnings.map((w) => ({ code: w.code, message: w.message, cardRefs: w.cardNumbers.map((n) => `C${n}`) })),
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

/** The integrity check: every card whose stored content no longer matches its hash. */
export function presentCardHashReport(report: CardHashReport): CardHashReportBody {
  return { ok: report.mismatches.length === 0, checked: report.checked, mismatches: report.mismatches };
}
