import type { FieldProblem } from '../../errors.js';
import type { Translate } from '../../i18n/translator.js';
import { isEmployerEmail } from './employer-email.js';
import { cleanField, signatureMatchesName } from './signer-names.js';

/** What the public card form sends, as raw strings (absent fields are undefined). */
export type RawCardSubmission = {
  legal_name?: string;
  email?: string;
  phone?: string;
  worksite_id?: string;
  job_title?: string;
  agree?: string;
  /** The optional "send me updates" tick (not part of the signed card). */
  updates?: string;
  signature?: string;
};

export type CardSubmission = {
  legalName: string;
  email: string;
  phone: string;
  worksiteId: string;
  jobTitle: string;
  signature: string;
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/**
 * Checks a card form. Every problem is about the signer's own input and the campaign's settings
 * (its schools, its employers' email domains); nothing here depends on who else is in the
 * database, so the answer can never reveal anything about anyone. The reasons are written with
 * `t`, in the signer's language.
 */
export function validateCardSubmission(
  raw: RawCardSubmission,
  campaign: { worksiteIds: ReadonlySet<string>; employerDomains: readonly string[] },
  t: Translate,
): { ok: true; value: CardSubmission } | { ok: false; problems: FieldProblem[] } {
  const { worksiteIds } = campaign;
  const problems: FieldProblem[] = [];
  const text = (v: string | undefined): string => cleanField(v ?? '');
  const legalName = text(raw.legal_name);
  const email = text(raw.email).toLowerCase();
  const phone = text(raw.phone);
  const worksiteId = text(raw.worksite_id).toLowerCase();
  const jobTitle = text(raw.job_title);
  const signature = text(raw.signature);

  if (legalName.length < 2) problems.push({ field: 'legal_name', reason: t('card.error.legal_name') });
  else if (legalName.length > 200) problems.push({ field: 'legal_name', reason: t('card.error.legal_name.tooLong') });
  if (!emailPattern.test(email) || email.length > 254) problems.push({ field: 'email', reason: t('card.error.email') });
  // The confirmation goes to this address: at the employer's domain, the employer could read it.
  else if (isEmployerEmail(email, campaign.employerDomains)) problems.push({ field: 'email', reason: t('card.error.employerEmail') });
  const digits = phone.replace(/\D/gu, '');
  if (digits.length < 7 || digits.length > 15 || phone.length > 40) problems.push({ field: 'phone', reason: t('card.error.phone') });
  if (!uuidPattern.test(worksiteId) || !worksiteIds.has(worksiteId)) problems.push({ field: 'worksite_id', reason: t('card.error.worksite_id') });
  if (jobTitle.length < 2 || jobTitle.length > 120) problems.push({ field: 'job_title', reason: t('card.error.job_title') });
  if (raw.agree !== 'yes') problems.push({ field: 'agree', reason: t('card.error.agree') });
  if (!signatureMatchesName(signature, legalName)) problems.push({ field: 'signature', reason: t('card.error.signature') });

  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { legalName, email, phone, worksiteId, jobTitle, signature } };
}
