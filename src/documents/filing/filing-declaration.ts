import { CARD_HASH_FORMAT } from '../../domain/cards/card-hash.js';
import type { FilingCopy, FilingJurisdiction, FilingPacket } from '../../domain/filing/filing-packet.js';

export type DeclarationParagraph = { lead: string | null; text: string };
export type Declaration = { title: string; paragraphs: DeclarationParagraph[]; perjury: string };

const para = (text: string, lead: string | null = null): DeclarationParagraph => ({ lead, text });

export const jurisdictionNames: Record<FilingJurisdiction, { board: string; office: string; rules: string; short: string }> = {
  ca_perb: {
    board: 'California Public Employment Relations Board',
    office: 'PERB regional office',
    rules: 'Gov. Code §3544; PERB Regulations 32700 and 33050',
    short: 'PERB',
  },
  nlrb: {
    board: 'National Labor Relations Board',
    office: 'NLRB regional office',
    rules: '29 CFR 101.18(a) (30% showing of interest); GC Memo 15-08 (electronic signatures)',
    short: 'NLRB',
  },
};

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function scopeLabel(packet: Pick<FilingPacket, 'unit' | 'worksite'>): string {
  return packet.worksite ? `${packet.unit.name} unit at ${packet.worksite.name}` : `${packet.unit.name} unit`;
}

/**
 * The declaration printed at the end of a packet. The board copy describes the evidence and, for
 * electronic cards, how they were signed and how their text and time are fixed (GC Memo 15-08 asks
 * for exactly this); the service copy states the counts and nothing that could identify anyone.
 */
export function declarationFor(packet: FilingPacket, copy: FilingCopy): Declaration {
  const j = jurisdictionNames[packet.jurisdiction];
  const f = packet.figures;
  const electronic = packet.counted.filter((c) => c.card.source === 'electronic').length;
  const paper = packet.counted.length - electronic;
  const confirmed = packet.counted.filter((c) => c.card.source === 'electronic' && c.card.confirmation).length;
  const answered = packet.counted.filter((c) => c.card.source === 'electronic' && c.card.signerAnswer?.answer === 'signed').length;
  const perjury =
    packet.jurisdiction === 'ca_perb'
      ? 'I declare under penalty of perjury under the laws of the State of California that the foregoing is true and correct.'
      : 'I declare under penalty of perjury under the laws of the United States of America that the foregoing is true and correct.';
  const counts = `As of the filing date, ${packet.filingDate}, the ${scopeLabel(packet)} (employer${packet.employers.length === 1 ? '' : 's'}: ${packet.employers.join('; ') || '—'}) had ${plural(f.eligible, 'employee')} on the employer’s roster as kept by ${packet.campaignName}. ${packet.campaignName} holds ${plural(f.valid_cards, 'valid support card')} signed by ${f.valid_cards === 1 ? 'one of them' : 'different employees among them'}, ${f.percent}% of the unit.`;
  const validity = `Each card counted is signed and dated by the employee, was signed on or before the filing date, is less than ${packet.validityMonths === 12 ? 'one year' : `${packet.validityMonths} months`} old on that date, and had not been revoked by it. Each employee is counted once.`;

  if (copy === 'service') {
    return {
      title: 'Declaration of proof of support (service copy)',
      paragraphs: [
        para(counts),
        para(validity),
        para(packet.jurisdiction === 'ca_perb'
          ? `The proof of support itself, with the name of each employee, is filed with the ${j.office} only and is confidential (${j.rules}). This copy, for service on the employer, states the counts and dates and names no employee.`
          : `The showing of interest itself is submitted to the ${j.office} only and is not served on any party. This copy states the counts and dates and names no employee.`, 'Confidentiality.'),
      ],
      perjury,
    };
  }

  const paragraphs = [
    para(counts),
    para(validity),
    para(`The cards counted are listed in section 1 (${plural(electronic, 'electronic signature')}, ${plural(paper, 'paper card')}), the roster as of the filing date in section 2, every other card that bears on the unit, with the reason it is not counted, in section 3, the card language in section 4 and the confirmation-transmission log in section 5.`),
  ];
  if (electronic > 0 || packet.jurisdiction === 'nlrb') {
    paragraphs.push(
      para('The employee opens the campaign’s confidential card page and enters their legal name, personal email address, phone number, school and job title. The page shows the full text of the card, which names the employer. The employee ticks a box agreeing to that text and signs by typing their full legal name, which must equal the legal name entered; the card is not accepted otherwise. The date and time of signing are taken from the server’s clock, not from the employee’s device; the network address and browser of the signing session are recorded with the card.', 'Electronic signature method.'),
      para('Immediately after signing, a confirmation restating the name, email, phone, employer, school, job title, date and time signed, and the full card text is sent to the personal email address given (an address at a domain of the employer is refused), asking the employee to answer “yes, I signed this card” or “I did not sign this card”, by a link in the message or by reply; each answer is recorded. Each confirmation is recorded with when it was created and sent, to which address, and its subject; see the confirmation-transmission log (section 5).', 'Confirmation.'),
      para('Each card is matched to the employer’s roster by personal or work email address, employee number, or name and school, and is counted only once verified as that employee’s card: automatically when the employee answered “yes” from a personal email address already on file for them, otherwise by an organizer or committee member who records how they verified it (in person, by telephone, or by a personal email address known to be the employee’s); a paper card is verified by the organizer who entered it from the signed paper. A card that matches no one or several people, is not verified, or whose recipient answered that they did not sign it, is not counted (such cards are listed as exceptions).', 'Identity.'),
      para(`At signing, the card’s content (card identifier, text version, the exact text as shown including the employer’s name, school, the employee’s entries, the date and instant of signing, and the session details) is serialized in a fixed canonical form (${CARD_HASH_FORMAT}: a JSON array in fixed field order, UTF-8) and its SHA-256 hash is stored with the card and included in the confirmation sent to the employee. Anyone can recompute the hash from the card’s stored content; any change to the content changes the hash.`, 'Fixing the signed text and time.'),
      para(`Cards are stored append-only: the database refuses any change to a card’s signed content and any deletion of a card, its revocation or its scan; a revocation is a separate dated record. An integrity check (“unionhall verify-cards”) recomputes every card’s hash. For this packet, ${plural(packet.integrity.checked, 'card')} bearing on the unit were checked when it was generated; ${packet.integrity.altered === 0 ? 'all matched their hashes' : `${packet.integrity.altered} did not and ${packet.integrity.altered === 1 ? 'is' : 'are'} excluded`}. Of the electronic signatures counted, ${confirmed} of ${electronic} have a recorded confirmation and ${answered} an answer from the employee.`, 'Storage.'),
    );
  }
  if (paper > 0) {
    paragraphs.push(para('Paper cards are signed and dated by hand; an organizer enters them with a scan of the signed card, whose SHA-256 hash is recorded with it. The originals are kept by the employee organization and are available to the Board on request.', 'Paper cards.'));
  }
  paragraphs.push(
    para(packet.jurisdiction === 'ca_perb'
      ? `This proof of support is submitted to the ${j.office} only (${j.rules}); the copy served on the employer is a separate document that names no employee.`
      : `This showing of interest (${j.rules}) is submitted to the ${j.office} only and is not to be disclosed to the employer or any other party.`, 'Confidentiality.'),
  );
  return { title: 'Declaration of proof of support and of the electronic signature method', paragraphs, perjury };
}
