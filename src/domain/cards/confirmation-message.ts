import type { Language } from '../../vocabulary/languages.js';
import { getTranslator } from '../../i18n/translator.js';
import type { CardContent } from './card-hash.js';

/**
 * The confirmation restates the six elements (GC Memo 15-08) and the hash that fixes them, in the
 * signer's language; the card text itself is quoted exactly as signed (in the language it was
 * signed in). It asks the signer to answer: the link ("yes, I signed this card" or "I did not")
 * or a reply. The answer is what lets the card be verified (decision 0023).
 */
export function confirmationMessage(
  // canReply: the campaign has a Reply-To; without one a reply goes to no-reply, so the text does not invite it.
  campaign: { campaignName: string; canReply?: boolean },
  card: CardContent & { contentHash: string },
  lang: Language = 'en',
  confirmUrl: string | null = null,
): { subject: string; text: string } {
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
    ...(confirmUrl ? [t('mail.card.confirmAsk'), '', confirmUrl, ...(campaign.canReply === false ? [] : ['', t('mail.card.orReply')])] : []),
    campaign.canReply === false ? t('mail.card.notYouNoReply') : t('mail.card.notYou'),
    '',
    t('mail.card.confidential'),
  ].join('\n');
  return { subject: t('mail.card.subject', { campaign: campaign.campaignName }), text };
}
