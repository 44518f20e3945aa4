import type { Language } from '../../vocabulary/languages.js';
import type { VerificationMethod } from '../../vocabulary/cards.js';
import { verifyCardHash, type CardContent } from '../cards/card-hash.js';
import { cardExpiresOn, cardStatusOn } from '../cards/card-validity.js';
import { primaryEmployments } from '../majority/tally-support.js';
import { supportFigures, type SupportFigures } from '../majority/thresholds.js';
import { exceptionReasons, filingCopies, filingJurisdictions, warningCodes } from '../../vocabulary/filing.js';
import { languageNames } from '../cards/language-names.js';

export { exceptionReasons, filingCopies, filingJurisdictions, warningCodes };
export type FilingJurisdiction = (typeof filingJurisdictions)[number];
export type FilingCopy = (typeof filingCopies)[number];

export type FilingEmployment = {
  id: string;
  personId: string;
  worksiteId: string;
  unitId: string | null;
  startDate: string;
  endDate: string | null;
  jobTitle: string;
  worksiteName: string;
  employerName: string;
  givenName: string;
  familyName: string;
  employeeId: string | null;
};

export type Confirmation = { id: string; toAddress: string; subject: string; transport: 'smtp' | 'outbox'; messageId: string | null; createdAt: Date; sentAt: Date | null; error: string | null };

export type FilingCard = CardContent & {
  contentHash: string;
  personId: string | null;
  matchStatus: 'matched' | 'unmatched' | 'ambiguous' | 'resolved' | 'dismissed';
  matchMethod: string | null;
  createdAt: Date;
  revokedOn: string | null;
  revocationReason: string | null;
  /** The confirmation transmission (the message), or null when none was recorded. */
  confirmation: Confirmation | null;
  /** The signer's answer to it. */
  signerAnswer: { answer: 'signed' | 'not_signed'; method: 'link' | 'reply'; answeredAt: Date } | null;
  verification: { method: VerificationMethod; verifiedAt: Date } | null;
  /** The language of the card text signed. */
  textLanguage: Language;
};

export type PacketInput = {
  campaignName: string;
  jurisdiction: FilingJurisdiction;
  goalPercent: number;
  validityMonths: number;
  /** The campaign's time zone: signing times are shown in it, as the dates are counted in it. */
  timeZone: string;
  unit: { id: string; name: string };
  /** Limits the packet to the unit's employees at one school (under EERA, often one employer). */
  worksite: { id: string; name: string; employerName: string } | null;
  filingDate: string;
  /** The unit's employments (any that started by the filing date; the rule picks who counts). */
  employments: readonly FilingEmployment[];
  /** The campaign's cards signed on or before the filing date. */
  cards: readonly FilingCard[];
  /** Worksites whose stray cards (matching no one, or someone outside the roster) belong here. */
  scopeWorksiteIds: readonly string[];
};

export type RosterEntry = {
  personId: string;
  givenName: string;
  familyName: string;
  employeeId: string | null;
  worksiteName: string;
  employerName: string;
  jobTitle: string;
  startDate: string;
  /** The number of the card counted for this person in the packet, or null. */
  cardNumber: number | null;
};

export type CountedCard = { number: number; card: FilingCard; person: RosterEntry; expiresOn: string; textRef: string };

export type ExceptionReason = (typeof exceptionReasons)[number];

export const exceptionLabels: Record<ExceptionReason, string> = {
  altered: 'Altered: content does not match its hash',
  disputed: 'Signer answered that they did not sign',
  no_match: 'Matches no one on the roster',
  ambiguous: 'Matches several people on the roster',
  not_in_unit: 'Signer not on the unit’s roster on the filing date',
  revoked: 'Revoked',
  expired: 'Expired',
  not_verified: 'Not verified',
  duplicate: 'Duplicate card of a counted signer',
};

export type WarningCode = (typeof warningCodes)[number];
/** What an admin reads before generating a packet: reasons to wait, or to look closer. */
export type PacketWarning = { code: WarningCode; message: string; cardNumbers: number[] };

export type FilingException = { number: number; card: FilingCard; reason: ExceptionReason; detail: string };

export type CardTextRef = { ref: string; version: number; language: Language; employerName: string; text: string };

export type FilingPacket = {
  campaignName: string;
  jurisdiction: FilingJurisdiction;
  filingDate: string;
  validityMonths: number;
  goalPercent: number;
  timeZone: string;
  unit: { id: string; name: string };
  worksite: { id: string; name: string; employerName: string } | null;
  employers: string[];
  figures: SupportFigures;
  roster: RosterEntry[];
  counted: CountedCard[];
  exceptions: FilingException[];
  texts: CardTextRef[];
  /** Earliest and latest signing dates among the counted cards. */
  signedBetween: { first: string; last: string } | null;
  integrity: { checked: number; altered: number };
  warnings: PacketWarning[];
};

const byName = (a: { worksiteName: string; familyName: string; givenName: string }, b: typeof a): number =>
  a.worksiteName.localeCompare(b.worksiteName) || a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName);

/** Which of one person's valid cards is counted: the earliest signed (then first recorded, then id). */
export function compareForCounting(a: FilingCard, b: FilingCard): number {
  return a.signedOn.localeCompare(b.signedOn) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * The filing packet's content: who was in the unit on the filing date, the one valid card counted
 * for each of them, and every other card that bears on the unit with the reason it does not count.
 *
 * The roster and the count follow the majority math exactly (primaryEmployments, cardStatusOn and
 * supportFigures are the functions the dashboard uses), so the packet's numbers equal
 * `GET /majority?asOf=` for the same unit (and school). One deliberate difference: a card whose
 * stored content no longer matches its hash is never filed; it is listed as altered.
 *
 * Duplicates: when a person has several valid cards, the earliest is counted and the later ones are
 * listed as duplicates. The earliest shows support held the longest, and the choice for a date never
 * changes when that person signs again later.
 */
export function buildFilingPacket(input: PacketInput): FilingPacket {
  const { filingDate, validityMonths } = input;
  const primary = primaryEmployments(
    input.employments.filter((e) => e.unitId === input.unit.id),
    filingDate,
  );
  const unitRoster = new Map<string, FilingEmployment>();
  for (const e of primary.values()) unitRoster.set(e.personId, e);
  const inScope = (e: FilingEmployment): boolean => input.worksite === null || e.worksiteId === input.worksite.id;
  const roster: RosterEntry[] = [...unitRoster.values()]
    .filter(inScope)
    .map((e) => ({ personId: e.personId, givenName: e.givenName, familyName: e.familyName, employeeId: e.employeeId, worksiteName: e.worksiteName, employerName: e.employerName, jobTitle: e.jobTitle, startDate: e.startDate, cardNumber: null }))
    .sort(byName);
  const rosterByPerson = new Map(roster.map((r) => [r.personId, r]));
  const scopeSites = new Set(input.worksite ? [input.worksite.id] : input.scopeWorksiteIds);

  const exceptions: Omit<FilingException, 'number'>[] = [];
  const candidates = new Map<string, FilingCard[]>();
  let checked = 0;
  let altered = 0;
  for (const card of input.cards) {
    if (card.signedOn > filingDate) continue;
    const person = card.personId ? rosterByPerson.get(card.personId) : undefined;
    if (!person && !scopeSites.has(card.worksiteId)) continue;
    checked++;
    const intact = verifyCardHash(card);
    if (!intact) {
      altered++;
      exceptions.push({ card, reason: 'altered', detail: 'The stored card no longer matches the SHA-256 hash recorded at signing; it is not counted. Run “unionhall verify-cards”.' });
      continue;
    }
    if (card.signerAnswer?.answer === 'not_signed') {
      exceptions.push({ card, reason: 'disputed', detail: `Answering the confirmation (${card.signerAnswer.method === 'link' ? 'by its link' : 'by reply'}), the person at this contact said they did not sign this card; it is never counted.` });
      continue;
    }
    if (card.personId === null) {
      const ambiguous = card.matchStatus === 'ambiguous';
      const dismissed = card.matchStatus === 'dismissed';
      exceptions.push({
        card,
        reason: ambiguous ? 'ambiguous' : 'no_match',
        detail: dismissed
          ? 'Dismissed by an organizer: not from a person on the roster.'
          : ambiguous
            ? 'Several people on the roster fit this card; resolve it in the review queue.'
            : 'No one on the roster fits this card; resolve it in the review queue.',
      });
      continue;
    }
    if (!person) {
      const elsewhere = unitRoster.get(card.personId);
      exceptions.push({
        card,
        reason: 'not_in_unit',
        detail: elsewhere ? `On ${filingDate} the signer was in the unit at ${elsewhere.worksiteName}, not here.` : `On ${filingDate} the signer was not employed in the ${input.unit.name} unit.`,
      });
      continue;
    }
    const status = cardStatusOn(card, filingDate, validityMonths);
    if (status === 'revoked') {
      exceptions.push({ card, reason: 'revoked', detail: `Revoked effective ${card.revokedOn ?? '?'}${card.revocationReason ? `: ${card.revocationReason.replace(/[.\s]+$/u, '')}` : ''}.` });
      continue;
    }
    if (status === 'expired') {
      exceptions.push({ card, reason: 'expired', detail: `Signed ${card.signedOn}; valid ${validityMonths} months, it stopped counting on ${cardExpiresOn(card.signedOn, validityMonths)}.` });
      continue;
    }
    if (status !== 'valid') continue;
    if (!card.verification) {
      exceptions.push({ card, reason: 'not_verified', detail: card.signerAnswer ? 'The signer confirmed it, but no one has verified that it is this person’s card yet.' : 'The signer has not answered the confirmation, and no one has verified the card yet.' });
      continue;
    }
    const list = candidates.get(person.personId) ?? [];
    list.push(card);
    candidates.set(person.personId, list);
  }

  // One card per person: the earliest valid one; the rest are duplicates of it.
  const chosen: { card: FilingCard; person: RosterEntry }[] = [];
  const duplicates: { card: FilingCard; of: FilingCard }[] = [];
  for (const [personId, list] of candidates) {
    const person = rosterByPerson.get(personId);
    const [first, ...rest] = [...list].sort(compareForCounting);
    if (!person || !first) continue;
    chosen.push({ card: first, person });
    for (const card of rest) duplicates.push({ card, of: first });
  }
  chosen.sort((a, b) => byName(a.person, b.person));

  // Card language: each distinct text the counted cards agreed to, referenced as T1, T2, …
  const texts: CardTextRef[] = [];
  const textKey = (c: FilingCard): string => `${c.cardTextVersion}\u0000${c.cardText}`;
  const textRefs = new Map<string, string>();
  for (const { card } of [...chosen].sort((a, b) => a.card.cardTextVersion - b.card.cardTextVersion || a.card.employerName.localeCompare(b.card.employerName))) {
    const key = textKey(card);
    if (textRefs.has(key)) continue;
    const ref = `T${texts.length + 1}`;
    textRefs.set(key, ref);
    texts.push({ ref, version: card.cardTextVersion, language: card.textLanguage, employerName: card.employerName, text: card.cardText });
  }

  const counted: CountedCard[] = chosen.map(({ card, person }, i) => {
    person.cardNumber = i + 1;
    return { number: i + 1, card, person, expiresOn: cardExpiresOn(card.signedOn, validityMonths), textRef: textRefs.get(textKey(card)) ?? '' };
  });
  const numberOf = new Map(counted.map((c) => [c.card.id, c.number]));
  for (const d of duplicates) {
    exceptions.push({ card: d.card, reason: 'duplicate', detail: `The same person’s earlier card (C${numberOf.get(d.of.id) ?? '?'}, signed ${d.of.signedOn}) is counted; a person counts once.` });
  }

  const order = new Map(exceptionReasons.map((r, i) => [r, i]));
  const numberedExceptions = exceptions
    .sort((a, b) => (order.get(a.reason) ?? 0) - (order.get(b.reason) ?? 0) || a.card.signedOn.localeCompare(b.card.signedOn) || a.card.signerName.localeCompare(b.card.signerName))
    .map((e, i) => ({ ...e, number: i + 1 }));

  const dates = counted.map((c) => c.card.signedOn).sort();
  const figures = supportFigures(roster.length, counted.length, input.goalPercent);
  return {
    campaignName: input.campaignName,
    jurisdiction: input.jurisdiction,
    filingDate,
    validityMonths,
    goalPercent: input.goalPercent,
    timeZone: input.timeZone,
    unit: input.unit,
    worksite: input.worksite,
    employers: input.worksite ? [input.worksite.employerName] : [...new Set(roster.map((r) => r.employerName))].sort(),
    figures,
    roster,
    counted,
    exceptions: numberedExceptions,
    texts,
    signedBetween: dates.length > 0 ? { first: dates[0] ?? '', last: dates[dates.length - 1] ?? '' } : null,
    integrity: { checked, altered },
    warnings: packetWarnings(figures, counted, numberedExceptions),
  };
}

/**
 * The warnings shown before a packet is generated: below 30% (no showing of interest), below 50%
 * + 1 (no majority), counted cards without a recorded confirmation transmission or without the
 * signer's answer to it, and the cards left out, by reason.
 */
export function packetWarnings(figures: SupportFigures, counted: readonly CountedCard[], exceptions: readonly FilingException[]): PacketWarning[] {
  const warnings: PacketWarning[] = [];
  const t = figures.thresholds;
  if (!t.showing_of_interest.met) {
    warnings.push({ code: 'below_showing_of_interest', message: `Below 30%: ${figures.valid_cards} valid cards of ${figures.eligible} (${figures.percent}%); ${t.showing_of_interest.remaining} more needed for a showing of interest.`, cardNumbers: [] });
  }
  if (!t.majority.met) {
    warnings.push({ code: 'below_majority', message: `Below 50% + 1: ${figures.valid_cards} valid cards of ${figures.eligible} (${figures.percent}%); ${t.majority.remaining} more needed for a majority.`, cardNumbers: [] });
  }
  const noTransmission = counted.filter((c) => c.card.confirmation === null);
  if (noTransmission.length > 0) {
    warnings.push({
      code: 'confirmation_not_recorded',
      message: `${noTransmission.length} counted card${noTransmission.length === 1 ? ' has' : 's have'} no confirmation transmission recorded (no contact email; paper cards verified from the paper).`,
      cardNumbers: noTransmission.map((c) => c.number),
    });
  }
  const noAnswer = counted.filter((c) => c.card.confirmation !== null && c.card.signerAnswer === null);
  if (noAnswer.length > 0) {
    warnings.push({
      code: 'confirmation_not_answered',
      message: `${noAnswer.length} counted card${noAnswer.length === 1 ? '’s signer has' : 's’ signers have'} not answered the confirmation transmission (verified another way).`,
      cardNumbers: noAnswer.map((c) => c.number),
    });
  }
  if (exceptions.length > 0) {
    const counts = new Map<ExceptionReason, number>();
    for (const e of exceptions) counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1);
    const listed = exceptionReasons.filter((r) => counts.has(r)).map((r) => `${counts.get(r) ?? 0} ${exceptionLabels[r].toLowerCase()}`);
    warnings.push({ code: 'cards_left_out', message: `${exceptions.length} card${exceptions.length === 1 ? ' is' : 's are'} left out: ${listed.join('; ')}.`, cardNumbers: [] });
  }
  return warnings;
}

/** "T1 — version 2, Spanish", as the packet names a card text. */
export function describeCardText(ref: CardTextRef): string {
  return `version ${ref.version}, ${languageNames[ref.language]}`;
}

/** Exceptions per reason, for summaries. */
export function countExceptions(packet: FilingPacket): Record<ExceptionReason, number> {
  const counts = Object.fromEntries(exceptionReasons.map((r) => [r, 0])) as Record<ExceptionReason, number>;
  for (const e of packet.exceptions) counts[e.reason]++;
  return counts;
}
