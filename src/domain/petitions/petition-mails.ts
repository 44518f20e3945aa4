import type { SignatureOutcome } from '../../db/repositories/signature-writer.js';
import type { Language } from '../../i18n/languages.js';
import { getTranslator } from '../../i18n/translator.js';

export type PetitionMailContext = { petitionTitle: string; givenName: string; confirmUrl: string; petitionUrl: string };

// The signer sees the same page whatever happened; the email is where a duplicate learns the truth
// (only the owner of the address reads it). It is written in the language the signer signed in.
export function composePetitionMail(outcome: SignatureOutcome, c: PetitionMailContext, lang: Language): { kind: string; subject: string; text: string } {
  const { t } = getTranslator(lang);
  const values = { name: c.givenName, title: c.petitionTitle, confirmUrl: c.confirmUrl, petitionUrl: c.petitionUrl };
  if (outcome === 'new') {
    return { kind: 'petition_confirmation', subject: t('mail.petition.confirm.subject', values), text: t('mail.petition.confirm.body', values) };
  }
  return {
    kind: 'petition_already_signed',
    subject: t('mail.petition.already.subject', values),
    text: t(outcome === 'duplicate_unconfirmed' ? 'mail.petition.already.unconfirmed' : 'mail.petition.already.confirmed', values),
  };
}
