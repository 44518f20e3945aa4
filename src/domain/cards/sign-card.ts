import { randomUUID } from 'node:crypto';
import type { CampaignRow } from '../../db/repositories/campaigns-repository.js';
import { AppError, type FieldProblem } from '../../errors.js';
import { getTranslator } from '../../i18n/translator.js';
import type { Language } from '../../vocabulary/languages.js';
import { dayOf } from '../calendar.js';
import type { CommandContext } from '../commands/command-context.js';
import { loadCardForm } from './load-card-form.js';
import type { CardContent } from './card-hash.js';
import { validateCardSubmission, type RawCardSubmission } from './card-submission.js';
import { renderCardText } from './card-text.js';
import { recordCard } from './record-card.js';
import { cleanField } from './signer-names.js';

export type SignCardInput = {
  campaign: CampaignRow;
  form: RawCardSubmission & { card_text_version?: string };
  /** The signer's language: the card text they read, the reasons for a refusal and the confirmation are in it. */
  lang: Language;
  userAgent: string | null;
  /** The public address of the site, for the confirmation link. */
  publicUrl: string;
};

export type SignCardResult = { ok: true } | { ok: false; problems: FieldProblem[] };

/**
 * Signs a card from the public form. A repeat signer gets a new card (each signing is a fact;
 * duplicates count once in the math) and the same answer as anyone else. The card and its
 * confirmation commit together; the confirmation is delivered after the commit, so the signer
 * never waits on the mail server. The card is "submitted": it counts only once the signer answered
 * and it was verified (decision 0023), so a card in someone else's name moves no number.
 */
export async function signCard(ctx: CommandContext, input: SignCardInput): Promise<SignCardResult> {
  const { campaign, form: raw } = input;
  const form = await loadCardForm(ctx, { campaign, lang: input.lang });
  if (!form) throw new AppError('not_found', 'This campaign is not collecting cards yet.');
  const { t } = getTranslator(input.lang);
  const checked = validateCardSubmission(raw, { worksiteIds: new Set(form.worksites.map((w) => w.id)), employerDomains: form.employerDomains }, t);
  const problems = checked.ok ? [] : [...checked.problems];
  // The signer signs the text they read: the version the page showed, if it is still current in
  // its language (a page opened before a new version was approved must be read again).
  const text = form.texts.find((x) => String(x.version) === raw.card_text_version);
  if (!text) problems.push({ field: 'card_text', reason: t('card.error.card_text') });
  if (!checked.ok || problems.length > 0 || !text) return { ok: false, problems };
  const v = checked.value;
  const site = form.worksites.find((w) => w.id === v.worksiteId);
  if (!site) return { ok: false, problems: [{ field: 'worksite_id', reason: t('card.error.worksite_id') }] };
  const content: CardContent = {
    id: randomUUID(),
    campaignId: campaign.id,
    cardTextId: text.id,
    cardTextVersion: text.version,
    cardText: renderCardText(text.body, site.employerName),
    employerName: site.employerName,
    worksiteId: site.id,
    worksiteName: site.name,
    signerName: v.legalName,
    email: v.email,
    phone: v.phone,
    jobTitle: v.jobTitle,
    employeeId: null,
    signedOn: dayOf(ctx.now, campaign.timeZone),
    signedAt: new Date(ctx.now.getTime()),
    source: 'electronic',
    typedSignature: v.signature,
    ip: ctx.requester.ip,
    userAgent: input.userAgent ? cleanField(input.userAgent).slice(0, 400) : null,
  };
  const card = await recordCard(ctx, campaign, content, { enteredBy: null, lang: input.lang, publicUrl: input.publicUrl });
  // "Send me updates": a consent to the campaign's newsletters at the card's address (decision
  // 0042), sealed like the card and tied to its person once the card is matched.
  if (raw.updates === 'yes') await ctx.repos.updateConsents.record({ campaignId: campaign.id, address: v.email, personId: card.personId, lang: input.lang, source: 'card', givenOn: content.signedOn, recordedBy: null });
  // The first state of the card (decision 0023): submitted, by someone the form cannot know.
  await ctx.audit('card.submitted', { campaignId: campaign.id, subject: { type: 'card', id: card.id }, details: { source: 'electronic', match: card.matchStatus } });
  return { ok: true };
}
