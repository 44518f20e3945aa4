import { stringify } from '../csv.js';
import { declarationFor, jurisdictionNames, scopeLabel } from './filing-declaration.js';
import { countExceptions, exceptionLabels, exceptionReasons, type FilingPacket } from '../../domain/filing/filing-packet.js';
import { formatLocalTime } from '../format-time.js';

const iso = (d: Date | null | undefined): string => (d ? d.toISOString() : '');
const local = (packet: FilingPacket, d: Date | null | undefined): string => (d ? formatLocalTime(d, packet.timeZone) : '');
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

/**
 * The summary as key/value rows: the only CSV of the service copy, so it holds counts, dates and
 * the declaration, and never a person.
 */
export function summaryCsv(packet: FilingPacket, generatedAt: Date, copy: 'board' | 'service'): string {
  const f = packet.figures;
  const t = f.thresholds;
  const rows: [string, string | number][] = [
    ['document', copy === 'board' ? 'Proof of support — board copy (confidential)' : 'Proof of support — service copy (names no employee)'],
    ['jurisdiction', jurisdictionNames[packet.jurisdiction].board],
    ['rules', jurisdictionNames[packet.jurisdiction].rules],
    ['employee_organization', packet.campaignName],
    ['unit', scopeLabel(packet)],
    ['employers', packet.employers.join('; ')],
    ['filing_date', packet.filingDate],
    ['card_validity_months', packet.validityMonths],
    ['eligible_employees', f.eligible],
    ['valid_cards', f.valid_cards],
    ['percent', f.percent],
    ['showing_of_interest_30_needed', t.showing_of_interest.needed],
    ['showing_of_interest_30_met', yesNo(t.showing_of_interest.met)],
    ['majority_needed', t.majority.needed],
    ['majority_met', yesNo(t.majority.met)],
    ['earliest_card_signed', packet.signedBetween?.first ?? ''],
    ['latest_card_signed', packet.signedBetween?.last ?? ''],
    ['generated_at', generatedAt.toISOString()],
  ];
  if (copy === 'board') {
    // The campaign's own goal is strategy: the board copy has it, the employer's copy does not.
    rows.push([`goal_${packet.goalPercent}_needed`, t.goal.needed], [`goal_${packet.goalPercent}_met`, yesNo(t.goal.met)]);
    const counts = countExceptions(packet);
    rows.push(['exceptions', packet.exceptions.length], ...exceptionReasons.map((r): [string, number] => [`exceptions_${r}`, counts[r]]));
    rows.push(['cards_checked_against_hash', packet.integrity.checked], ['cards_altered', packet.integrity.altered]);
  }
  const declaration = declarationFor(packet, copy);
  declaration.paragraphs.forEach((p, i) => rows.push([`declaration_${i + 1}`, p.lead ? `${p.lead} ${p.text}` : p.text]));
  rows.push(['declaration_perjury', declaration.perjury]);
  return stringify(rows, { header: true, columns: ['field', 'value'] });
}

const cardColumns = [
  'packet_ref',
  'status',
  'reason',
  'roster_name',
  'employee_id',
  'roster_school',
  'roster_job_title',
  'signer_name',
  'personal_email',
  'phone',
  'employer',
  'school_on_card',
  'job_title_on_card',
  'card_text_ref',
  'card_text_version',
  'card_text_language',
  'card_text',
  'signed_on',
  'signed_at',
  'signed_at_local',
  'source',
  'typed_signature',
  'expires_on',
  'revoked_on',
  'content_sha256',
  'hash_verified',
  'confirmation_to',
  'confirmation_subject',
  'confirmation_recorded_at',
  'confirmation_sent_at',
  'confirmation_transport',
  'confirmation_message_id',
  'confirmation_error',
  'signer_answer',
  'signer_answered_at',
  'verification_method',
  'verified_at',
  'card_id',
] as const;

/** Every card bearing on the unit: the counted ones (C1…) with the six elements, then the exceptions (E1…). */
export function cardsCsv(packet: FilingPacket): string {
  const rows: Record<(typeof cardColumns)[number], string | number>[] = [];
  for (const c of packet.counted) {
    const k = c.card;
    rows.push({
      packet_ref: `C${c.number}`,
      status: 'counted',
      reason: '',
      roster_name: `${c.person.givenName} ${c.person.familyName}`,
      employee_id: c.person.employeeId ?? '',
      roster_school: c.person.worksiteName,
      roster_job_title: c.person.jobTitle,
      ...cardFields(packet, k),
      card_text_ref: c.textRef,
      expires_on: c.expiresOn,
      hash_verified: 'yes',
    });
  }
  for (const e of packet.exceptions) {
    rows.push({
      packet_ref: `E${e.number}`,
      status: e.reason,
      reason: `${exceptionLabels[e.reason]}. ${e.detail}`,
      roster_name: '',
      employee_id: '',
      roster_school: '',
      roster_job_title: '',
      ...cardFields(packet, e.card),
      card_text_ref: '',
      expires_on: '',
      hash_verified: yesNo(e.reason !== 'altered'),
    });
  }
  return stringify(rows, { header: true, columns: [...cardColumns] });
}

function cardFields(packet: FilingPacket, k: FilingPacket['counted'][number]['card']) {
  return {
    signer_name: k.signerName,
    personal_email: k.email ?? '',
    phone: k.phone ?? '',
    employer: k.employerName,
    school_on_card: k.worksiteName,
    job_title_on_card: k.jobTitle,
    card_text_version: k.cardTextVersion,
    card_text_language: k.textLanguage,
    card_text: k.cardText,
    signed_on: k.signedOn,
    signed_at: iso(k.signedAt),
    signed_at_local: local(packet, k.signedAt),
    source: k.source,
    typed_signature: k.typedSignature ?? '',
    revoked_on: k.revokedOn ?? '',
    content_sha256: k.contentHash,
    confirmation_to: k.confirmation?.toAddress ?? '',
    confirmation_subject: k.confirmation?.subject ?? '',
    confirmation_recorded_at: iso(k.confirmation?.createdAt),
    confirmation_sent_at: iso(k.confirmation?.sentAt),
    confirmation_transport: k.confirmation?.transport ?? '',
    confirmation_message_id: k.confirmation?.messageId ?? '',
    confirmation_error: k.confirmation?.error ?? '',
    signer_answer: k.signerAnswer ? `${k.signerAnswer.answer} (${k.signerAnswer.method})` : '',
    signer_answered_at: iso(k.signerAnswer?.answeredAt),
    verification_method: k.verification?.method ?? '',
    verified_at: iso(k.verification?.verifiedAt),
    card_id: k.id,
  };
}

/** The roster as of the filing date, with the number of the card counted for each person. */
export function rosterCsv(packet: FilingPacket): string {
  return stringify(
    packet.roster.map((r, i) => ({
      line: i + 1,
      family_name: r.familyName,
      given_name: r.givenName,
      employee_id: r.employeeId ?? '',
      school: r.worksiteName,
      employer: r.employerName,
      job_title: r.jobTitle,
      start_date: r.startDate,
      card: r.cardNumber === null ? '' : `C${r.cardNumber}`,
    })),
    { header: true, columns: ['line', 'family_name', 'given_name', 'employee_id', 'school', 'employer', 'job_title', 'start_date', 'card'] },
  );
}

/** The confirmation-transmission log of the counted electronic signatures (GC Memo 15-08). */
export function confirmationsCsv(packet: FilingPacket): string {
  return stringify(
    packet.counted
      .filter((c) => c.card.source === 'electronic')
      .map((c) => ({
        card: `C${c.number}`,
        signed_at: iso(c.card.signedAt),
        recorded_at: iso(c.card.confirmation?.createdAt),
        sent_at: iso(c.card.confirmation?.sentAt),
        to: c.card.confirmation?.toAddress ?? '',
        subject: c.card.confirmation?.subject ?? '',
        transport: c.card.confirmation?.transport ?? '',
        message_id: c.card.confirmation?.messageId ?? '',
        status: transmissionStatus(c.card.confirmation),
      })),
    { header: true, columns: ['card', 'signed_at', 'recorded_at', 'sent_at', 'to', 'subject', 'transport', 'message_id', 'status'] },
  );
}

export function transmissionStatus(confirmation: FilingPacket['counted'][number]['card']['confirmation']): string {
  if (!confirmation) return 'no confirmation recorded';
  if (confirmation.error) return `failed: ${confirmation.error}`;
  if (confirmation.sentAt) return 'sent by SMTP';
  return confirmation.transport === 'outbox' ? 'recorded in the outbox (no SMTP server configured)' : 'queued, not yet sent';
}
