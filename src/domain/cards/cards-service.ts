import { createHash, randomUUID } from 'node:crypto';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import type { CardRow, CardsRepository, CardTextRow, NewScan, WorksiteWithEmployer } from '../../db/repositories/cards-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import type { Language } from '../../i18n/languages.js';
import { getTranslator } from '../../i18n/translator.js';
import type { Mailer } from '../../mail/create-mailer.js';
import { hashCard, verifyCardHash, type CardContent } from './card-hash.js';
import { isIsoDate, localDateOf } from './card-dates.js';
import { validateCardSubmission, type RawCardSubmission } from './card-submission.js';
import { renderCardText } from './card-text.js';
import { cardExpiresOn, cardStatusOn, type CardStatus } from './card-validity.js';
import { decideMatch } from './match-card.js';
import { cleanField, normalizeName } from './signer-names.js';

type Deps = { cards: CardsRepository; mailer: Mailer; now: () => Date };

export type SignResult = { ok: true } | { ok: false; problems: FieldProblem[] };

export type PaperCardInput = {
  signerName: string;
  email: string | null;
  phone: string | null;
  worksiteId: string;
  jobTitle: string;
  employeeId: string | null;
  signedOn: string;
  cardTextVersion: number;
  scan: { filename: string; contentType: string; bytes: Buffer };
};

export function cardContentOf(row: CardRow): CardContent {
  return {
    id: row.id,
    campaignId: row.campaignId,
    cardTextId: row.cardTextId,
    cardTextVersion: row.cardTextVersion,
    cardText: row.cardText,
    employerName: row.employerName,
    worksiteId: row.worksiteId,
    worksiteName: row.worksiteName,
    signerName: row.signerName,
    email: row.email,
    phone: row.phone,
    jobTitle: row.jobTitle,
    employeeId: row.employeeId,
    signedOn: row.signedOn,
    signedAt: row.signedAt,
    source: row.source,
    typedSignature: row.typedSignature,
    ip: row.ip,
    userAgent: row.userAgent,
  };
}

/**
 * The confirmation restates the six elements (GC Memo 15-08) and the hash that fixes them, in the
 * signer's language; the card text itself is quoted exactly as signed, never translated.
 */
export function confirmationMessage(campaign: { campaignName: string }, card: CardContent & { contentHash: string }, lang: Language = 'en'): { subject: string; text: string } {
  const { t } = getTranslator(lang);
  const none = t('mail.card.noneGiven');
  const signed = card.signedAt ? t('mail.card.signedElectronically', { date: card.signedOn, at: card.signedAt.toISOString() }) : t('mail.card.paper', { date: card.signedOn });
  const text = [
    t('mail.card.thanks', { campaign: campaign.campaignName }),
    t('mail.card.keep'),
    '',
    t('mail.card.name', { value: card.signerName }),
    t('mail.card.email', { value: card.email ?? none }),
    t('mail.card.phone', { value: card.phone ?? none }),
    t('mail.card.employer', { value: card.employerName }),
    t('mail.card.school', { value: card.worksiteName }),
    t('mail.card.jobTitle', { value: card.jobTitle }),
    t('mail.card.dateSigned', { value: signed }),
    '',
    t('mail.card.text', { version: String(card.cardTextVersion) }),
    '',
    card.cardText,
    '',
    t('mail.card.fingerprint', { hash: card.contentHash }),
    '',
    t('mail.card.confidential'),
    t('mail.card.notYou'),
  ].join('\n');
  return { subject: t('mail.card.subject', { campaign: campaign.campaignName }), text };
}

export function createCardsService(deps: Deps) {
  const { cards, mailer, now } = deps;

  async function matchAndInsert(content: CardContent, extra: { enteredBy: string | null; scan?: NewScan }): Promise<CardRow> {
    const found = await cards.findMatchCandidates(content.campaignId, {
      email: content.email,
      employeeId: content.employeeId,
      name: normalizeName(content.signerName),
      worksiteId: content.worksiteId,
    });
    const decision = decideMatch(found);
    return cards.insertCard(
      {
        ...content,
        contentHash: hashCard(content),
        enteredBy: extra.enteredBy,
        personId: decision.status === 'matched' ? decision.personId : null,
        matchStatus: decision.status,
        matchMethod: decision.status === 'matched' ? decision.method : null,
      },
      extra.scan,
    );
  }

  async function sendConfirmation(campaign: CampaignRow, row: CardRow, lang: Language): Promise<void> {
    if (!row.email) return;
    const message = confirmationMessage({ campaignName: campaign.name }, { ...cardContentOf(row), contentHash: row.contentHash }, lang);
    const sent = await mailer.send({ kind: 'card_confirmation', campaignId: campaign.id, to: row.email, subject: message.subject, text: message.text });
    await cards.setConfirmationMail(row.id, sent.id);
  }

  /** The card text and schools the public form shows, or null when the campaign takes no cards yet. */
  async function formFor(campaign: CampaignRow): Promise<{ text: CardTextRow; worksites: WorksiteWithEmployer[] } | null> {
    const text = await cards.currentCardText(campaign.id);
    if (!text) return null;
    return { text, worksites: await cards.listWorksitesWithEmployers(campaign.id) };
  }

  return {
    today: (campaign: CampaignRow): string => localDateOf(now(), campaign.timeZone),
    formFor,

    /**
     * Signs a card from the public form. A repeat signer gets a new card (each signing is a fact;
     * duplicates count once in the math) and the same answer as anyone else. `info.lang` is the
     * signer's language: the reasons for a refusal and the confirmation email are written in it.
     */
    async signElectronic(campaign: CampaignRow, raw: RawCardSubmission & { card_text_version?: string }, info: { ip: string | null; userAgent: string | null; lang: Language }): Promise<SignResult> {
      const form = await formFor(campaign);
      if (!form) throw new AppError('not_found', 'This campaign is not collecting cards yet.');
      const { t } = getTranslator(info.lang);
      const checked = validateCardSubmission(raw, new Set(form.worksites.map((w) => w.id)), t);
      const problems = checked.ok ? [] : [...checked.problems];
      if (raw.card_text_version !== String(form.text.version)) {
        problems.push({ field: 'card_text', reason: t('card.error.card_text') });
      }
      if (!checked.ok || problems.length > 0) return { ok: false, problems };
      const v = checked.value;
      const site = form.worksites.find((w) => w.id === v.worksiteId);
      if (!site) return { ok: false, problems: [{ field: 'worksite_id', reason: t('card.error.worksite_id') }] };
      const signedAt = now();
      const content: CardContent = {
        id: randomUUID(),
        campaignId: campaign.id,
        cardTextId: form.text.id,
        cardTextVersion: form.text.version,
        cardText: renderCardText(form.text.body, site.employerName),
        employerName: site.employerName,
        worksiteId: site.id,
        worksiteName: site.name,
        signerName: v.legalName,
        email: v.email,
        phone: v.phone,
        jobTitle: v.jobTitle,
        employeeId: null,
        signedOn: localDateOf(signedAt, campaign.timeZone),
        signedAt: new Date(signedAt.getTime()),
        source: 'electronic',
        typedSignature: v.signature,
        ip: info.ip,
        userAgent: info.userAgent ? cleanField(info.userAgent).slice(0, 400) : null,
      };
      const row = await matchAndInsert(content, { enteredBy: null });
      await sendConfirmation(campaign, row, info.lang);
      return { ok: true };
    },

    /** A paper card typed in by an organizer, with the scan of the signed paper. */
    async enterPaper(campaign: CampaignRow, input: PaperCardInput, enteredBy: string): Promise<CardRow> {
      const problems: FieldProblem[] = [];
      const sites = await cards.listWorksitesWithEmployers(campaign.id);
      const site = sites.find((w) => w.id === input.worksiteId);
      if (!site) problems.push({ field: 'worksiteId', reason: 'is not a school of this campaign' });
      const text = await cards.findCardText(campaign.id, input.cardTextVersion);
      if (!text) problems.push({ field: 'cardTextVersion', reason: 'no such card text version' });
      if (!isIsoDate(input.signedOn)) problems.push({ field: 'signedOn', reason: 'must be a date as YYYY-MM-DD' });
      else if (input.signedOn > localDateOf(now(), campaign.timeZone)) problems.push({ field: 'signedOn', reason: 'is in the future' });
      if (input.scan.bytes.length === 0) problems.push({ field: 'scan', reason: 'is empty' });
      if (problems.length > 0 || !site || !text) throw new AppError('validation_failed', 'The paper card is not complete.', problems);
      const clean = (v: string | null): string | null => (v === null || cleanField(v) === '' ? null : cleanField(v));
      const content: CardContent = {
        id: randomUUID(),
        campaignId: campaign.id,
        cardTextId: text.id,
        cardTextVersion: text.version,
        cardText: renderCardText(text.body, site.employerName),
        employerName: site.employerName,
        worksiteId: site.id,
        worksiteName: site.name,
        signerName: cleanField(input.signerName),
        email: clean(input.email)?.toLowerCase() ?? null,
        phone: clean(input.phone),
        jobTitle: cleanField(input.jobTitle),
        employeeId: clean(input.employeeId),
        signedOn: input.signedOn,
        signedAt: null,
        source: 'paper',
        typedSignature: null,
        ip: null,
        userAgent: null,
      };
      const scan: NewScan = {
        filename: cleanField(input.scan.filename).slice(0, 200) || 'scan',
        contentType: input.scan.contentType,
        byteSize: input.scan.bytes.length,
        sha256: createHash('sha256').update(input.scan.bytes).digest('hex'),
        bytes: input.scan.bytes,
      };
      const row = await matchAndInsert(content, { enteredBy, scan });
      // A paper card records no language preference: its confirmation goes out in English.
      await sendConfirmation(campaign, row, 'en');
      return row;
    },

    async revoke(campaign: CampaignRow, cardId: string, input: { effectiveOn?: string; reason: string }, recordedBy: string): Promise<{ card: CardRow; effectiveOn: string }> {
      const card = await cards.findCard(campaign.id, cardId);
      if (!card) throw new AppError('not_found', 'No such card.');
      const effectiveOn = input.effectiveOn ?? localDateOf(now(), campaign.timeZone);
      if (!isIsoDate(effectiveOn)) throw new AppError('validation_failed', 'Bad date.', [{ field: 'effectiveOn', reason: 'must be a date as YYYY-MM-DD' }]);
      if (effectiveOn < card.signedOn) throw new AppError('validation_failed', 'A card cannot be revoked before it was signed.', [{ field: 'effectiveOn', reason: 'is before the card was signed' }]);
      const reason = cleanField(input.reason);
      if (reason === '') throw new AppError('validation_failed', 'Say why.', [{ field: 'reason', reason: 'is required' }]);
      const created = await cards.revoke({ cardId: card.id, campaignId: campaign.id, effectiveOn, reason, recordedBy });
      if (!created) throw new AppError('conflict', 'This card is already revoked.');
      return { card, effectiveOn };
    },

    async resolveMatch(campaign: CampaignRow, cardId: string, personId: string): Promise<{ card: CardRow; previousPersonId: string | null }> {
      const card = await cards.findCard(campaign.id, cardId);
      if (!card) throw new AppError('not_found', 'No such card.');
      const person = await cards.findPerson(campaign.id, personId);
      if (!person) throw new AppError('validation_failed', 'That person is not on this campaign’s roster.', [{ field: 'personId', reason: 'not found in this campaign' }]);
      await cards.setMatch(card.id, { personId: person.id, status: 'resolved', method: 'manual' });
      return { card, previousPersonId: card.personId };
    },

    /** Review candidates for a card that matched several people (recomputed, never stored). */
    async candidatesFor(row: CardRow) {
      const found = await cards.findMatchCandidates(row.campaignId, { email: row.email, employeeId: row.employeeId, name: normalizeName(row.signerName), worksiteId: row.worksiteId });
      const ids = [...new Set([...found.email, ...found.employee_id, ...found.name_school])];
      return cards.listPeople(row.campaignId, ids);
    },

    statusOn(row: { signedOn: string; revokedOn: string | null }, asOf: string, validityMonths: number): CardStatus {
      return cardStatusOn(row, asOf, validityMonths);
    },
    expiresOn: cardExpiresOn,
    verify: (row: CardRow): boolean => verifyCardHash({ ...cardContentOf(row), contentHash: row.contentHash }),
  };
}

export type CardsService = ReturnType<typeof createCardsService>;
