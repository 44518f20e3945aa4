import { createHmac } from 'node:crypto';
import type { RateCounter } from '../../db/rate-counter.js';
import type { LocatedPetition, PetitionRow, PetitionsRepository } from '../../db/repositories/petitions-repository.js';
import type { SignatureOutcome, SignatureWriter } from '../../db/repositories/signature-writer.js';
import { uuidV7 } from '../../support/uuid-v7.js';
import { AppError } from '../../errors.js';
import type { Language } from '../../i18n/languages.js';
import { newMailDelivery, type Mailer } from '../../mail/create-mailer.js';
import { pooledRandomBytes } from '../../support/random-bytes.js';
import { hashToken } from '../accounts/tokens.js';
import { formatConfirmationToken } from './confirmation-token.js';
import { composePetitionMail } from './petition-mails.js';
import type { ProofOfWork, ProofResult } from './proof-of-work.js';
import type { SignatureInput } from './signature-input.js';
import type { SignatureDetails } from '../../db/schema/petitions.js';

export type SignContext = {
  ip: string;
  source: 'web' | 'osdi';
  /** Web form only: the ALTCHA payload check. OSDI clients cannot solve one and are not asked. */
  proof: ProofResult | 'not_required';
  /** Web form only: the hidden field a person never fills. */
  honeypotFilled: boolean;
  /** Where the petition lives on the public site, e.g. `/petition/fair-process` or `/c/x/petition/y`. */
  petitionPath: string;
  /** The signer's language: the confirmation or already-signed email is written in it. */
  lang: Language;
  /** OSDI only: what the client sent beyond the form's fields (phone, addresses, custom fields, …). */
  details?: SignatureDetails;
};

export type PetitionLimits = { ipHoldPerHour: number; ipLimitPerMinute: number; emailLimitPerHour: number };

/**
 * Signing, through the group commit of decision 0011 (one command per signature would cost the
 * throughput decision 0014 measures; confirming is a command, confirm-signature.ts). Every
 * signature is stored (held ones too) and every signer gets the same answer; what differs is the
 * status a reviewer sees and the email the owner of the address reads.
 */
export function createPetitionService(deps: {
  repository: PetitionsRepository;
  writer: SignatureWriter;
  /** The rate windows, in PostgreSQL: every app process counts into the same ones. */
  rates: RateCounter;
  mailer: Mailer;
  proofOfWork: ProofOfWork;
  secret: string;
  publicUrl: string;
  smtp: boolean;
  limits: PetitionLimits;
  now: () => Date;
}) {
  const { repository, writer, rates, mailer, limits, now } = deps;
  const pseudonym = (kind: string, value: string): string => createHmac('sha256', deps.secret).update(`${kind}:${value}`).digest('base64url').slice(0, 22);
  // A signer's network is stored only as this pseudonym; a small cache spares an HMAC per request.
  const ipHashes = new Map<string, string>();
  const ipPseudonym = (ip: string): string => {
    let hash = ipHashes.get(ip);
    if (hash === undefined) {
      if (ipHashes.size >= 10_000) ipHashes.clear();
      hash = pseudonym('ip', ip);
      ipHashes.set(ip, hash);
    }
    return hash;
  };

  function holdReason(context: SignContext, ipCountHour: number, emailCount: number): string | null {
    if (context.honeypotFilled) return 'honeypot';
    if (context.proof !== 'verified' && context.proof !== 'not_required') return `proof_of_work_${context.proof}`;
    if (ipCountHour > limits.ipHoldPerHour) return 'ip_rate';
    if (emailCount > limits.emailLimitPerHour) return 'email_rate';
    return null;
  }

  // The OSDI helper looks its petition up on every request; a one-second cache saves a query per
  // signature under load, and an edit (unpublishing) still takes effect within that second.
  // The promise is cached, not the row: when the second is up, fifty concurrent requests wait for
  // one query instead of sending fifty.
  const located = new Map<string, { at: number; value: Promise<LocatedPetition | undefined> }>();

  return {
    async locate(id: string): Promise<LocatedPetition | undefined> {
      // Wall time, not the injectable clock: a cache must expire even in a test with a frozen clock.
      const t = performance.now();
      const hit = located.get(id);
      if (hit && t - hit.at < 1000) return hit.value;
      const value = repository.findLocated(id);
      if (located.size > 1000) located.clear();
      located.set(id, { at: t, value });
      // A failed lookup is not remembered.
      value.catch(() => located.delete(id));
      return value;
    },

    async sign(petition: PetitionRow, input: SignatureInput, context: SignContext): Promise<void> {
      const at = now();
      const ipHash = ipPseudonym(context.ip);
      // The three windows in one round trip (batched with other signers'). Keys are pseudonyms:
      // neither an address nor an email is written to the table.
      const [ipCountMinute = 0, ipCountHour = 0, emailCount = 0] = await rates.hit(
        [
          { key: `petition:ip:m:${ipHash}`, windowMs: 60_000 },
          { key: `petition:ip:h:${ipHash}`, windowMs: 3_600_000 },
          { key: `petition:email:h:${pseudonym('email', input.email)}`, windowMs: 3_600_000 },
        ],
        at,
      );
      // A flood from one address is refused outright (the only refusal there is); below that,
      // suspicious signatures are quietly held for review.
      if (ipCountMinute > limits.ipLimitPerMinute) {
        throw new AppError('rate_limited', 'Too many signatures from your network. Wait a minute and try again.');
      }
      const reason = holdReason(context, ipCountHour, emailCount);
      // Mail only goes out when it cannot be used as a weapon: never for an obvious bot, never
      // beyond the per-address limit.
      const sendMail = reason !== 'honeypot' && emailCount <= limits.emailLimitPerHour;
      // The link carries the row's id and a secret whose hash the row keeps: confirming is a
      // primary-key lookup, so signing needs no index on the hashes (one fewer per signature).
      const secret = pooledRandomBytes(32).toString('base64url');
      const petitionUrl = `${deps.publicUrl}${context.petitionPath}`;
      const written = await writer.write({
        row: {
          id: uuidV7(),
          petitionId: petition.id,
          givenName: input.givenName,
          familyName: input.familyName,
          email: input.email,
          postalCode: input.postalCode,
          city: input.city,
          relationship: input.relationship,
          comment: input.comment,
          showPublicly: input.showPublicly,
          status: reason ? 'held_for_review' : 'pending_confirmation',
          holdReason: reason,
          confirmationTokenHash: hashToken(secret),
          createdAt: at,
          ipHash,
          source: context.source,
          ...(context.details ? { details: context.details } : {}),
        },
        mail: (outcome: SignatureOutcome, signatureId: string) => {
          if (!sendMail) return null;
          const confirmUrl = `${petitionUrl}/confirm?token=${formatConfirmationToken(signatureId, secret)}`;
          const m = composePetitionMail(outcome, { petitionTitle: petition.title, givenName: input.givenName, confirmUrl, petitionUrl }, context.lang);
          return { campaignId: petition.campaignId, kind: m.kind, toAddress: input.email, subject: m.subject, textBody: m.text, ...newMailDelivery(deps.smtp, at) };
        },
      });
      // Committed; SMTP delivery (if configured) follows without holding up the answer.
      const { mailId, mail } = written;
      if (mailId && mail && mailer.deliverRecorded) void mailer.deliverRecorded(mailId, { to: mail.toAddress, subject: mail.subject, text: mail.textBody }).catch(() => undefined);
    },
  };
}

export type PetitionService = ReturnType<typeof createPetitionService>;
