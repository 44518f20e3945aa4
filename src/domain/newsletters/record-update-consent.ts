import type { UpdateConsentRow } from '../../db/repositories/update-consents-repository.js';
import { AppError } from '../../errors.js';
import type { Language } from '../../vocabulary/languages.js';
import { isEmployerEmail } from '../cards/employer-email.js';
import type { CommandContext } from '../commands/command-context.js';
import { authorizePerson } from '../people/person-access.js';

export type RecordUpdateConsentInput = {
  slug: string;
  personId: string;
  /** A conversation: the personal address the educator gave. A subscription: the subscriber matched to this person. */
  source: { kind: 'conversation'; address: string; lang: Language } | { kind: 'subscription'; subscriberId: string };
  /** The day consent was given; today by default. */
  givenOn: string | null;
};

/**
 * Records that an educator on the roster agreed to receive the campaign's updates at a personal
 * address (decision 0042): told to an organizer in a conversation, or by subscribing to the
 * newsletter (the organizer matches the subscriber to the person). Never an address at an
 * employer's domain: the employer would read the mail, and learn who the campaign writes to.
 */
export async function recordUpdateConsent(ctx: CommandContext, input: RecordUpdateConsentInput): Promise<UpdateConsentRow> {
  const access = await ctx.authorize(input.slug, 'conversations.edit');
  await authorizePerson(ctx, access, input.personId, 'conversations.edit');
  const { campaign } = access;
  let address: string;
  let lang: Language;
  if (input.source.kind === 'conversation') {
    address = input.source.address.toLowerCase();
    lang = input.source.lang;
  } else {
    const subscriber = await ctx.repos.subscribers.find(campaign.id, input.source.subscriberId);
    if (!subscriber || !subscriber.confirmedAt || subscriber.unsubscribedAt) throw new AppError('validation_failed', 'No confirmed subscriber with that id.', [{ field: 'body.subscriberId', reason: 'is not a confirmed subscriber of this campaign' }]);
    address = subscriber.email;
    lang = subscriber.lang;
  }
  const employers = await ctx.repos.campaigns.listEmployers(campaign.id);
  const field = input.source.kind === 'conversation' ? 'body.address' : 'body.subscriberId';
  if (isEmployerEmail(address, employers.flatMap((e) => e.emailDomains))) throw new AppError('validation_failed', 'This address is at an employer’s domain: the employer could read what the campaign sends there.', [{ field, reason: 'is at an employer’s email domain' }]);
  const givenOn = input.givenOn ?? ctx.today(campaign);
  if (givenOn > ctx.today(campaign)) throw new AppError('validation_failed', 'Consent cannot be given in the future.', [{ field: 'body.givenOn', reason: 'must not be after today' }]);
  const row = await ctx.repos.updateConsents.record({ campaignId: campaign.id, address, personId: input.personId, lang, source: input.source.kind, givenOn, recordedBy: access.accountId });
  await ctx.audit('update_consent.recorded', { subject: { type: 'person', id: input.personId }, details: { source: input.source.kind, givenOn } });
  return row;
}
