import type { MailRow } from '../../db/repositories/mail-repository.js';
import type { Repositories } from '../../db/repositories/create-repositories.js';
import type { MailKind } from '../../vocabulary/mail-kinds.js';
import type { Clock, Day } from '../calendar.js';
import type { CampaignAccess } from '../policies/authorize-campaign.js';
import type { Action } from '../policies/campaign-policy.js';
import type { Requester } from './requester.js';

/** A message to record in the command's transaction; the outbox delivers it after the commit. */
export type MailToRecord = {
  kind: MailKind; // the outbox names each kind in words (src/vocabulary/mail-kinds.ts)
  campaignId: string | null;
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058). */
  headers?: Record<string, string>;
  /** The message's language: sent as Content-Language (RFC 3282). */
  lang?: string;
  /**
   * A message the app sends by itself (a confirmation, a receipt, a reminder) carries
   * `Auto-Submitted: auto-generated` (RFC 3834), so vacation responders do not answer it. False
   * for a message a person chose to send (a newsletter, its test copy).
   */
  automatic?: boolean;
  /** An HTML part, beside the text. */
  html?: string;
  /** The campaign's sender name and Reply-To (its mail settings). */
  fromName?: string | null;
  replyTo?: string | null;
};

/** The delivery columns a message recorded now starts with: due at once over SMTP, or kept in the outbox. */
export type InitialDelivery = { transport: 'smtp' | 'outbox'; attempts: number; nextAttemptAt: Date | null };

export type AuditOptions = {
  subject?: { type: string; id: string };
  details?: Record<string, unknown>;
  /** Defaults to the campaign of the last `authorize` in this command. */
  campaignId?: string | null;
};

/**
 * What a command works with: repositories on its own transaction (one connection: await its queries
 * one after another, never with Promise.all), the requester, the clock, and
 * the three things every write may need — the policy check, the audit row and the mail row — all
 * inside the same transaction, so they commit together or not at all.
 */
export type CommandContext = {
  repos: Repositories;
  requester: Requester;
  clock: Clock;
  /** The command's instant, read once from the clock. */
  now: Date;
  /** The campaign's calendar day now (src/domain/calendar.ts). */
  today: (campaign: { timeZone: string }) => Day;
  authorize: (slug: string, action: Action) => Promise<CampaignAccess>;
  audit: (action: string, options?: AuditOptions) => Promise<void>;
  recordMail: (mail: MailToRecord) => Promise<MailRow>;
  /**
   * Records many messages with one statement (a newsletter to every subscriber): `write` inserts
   * them with these delivery columns and returns how many it recorded. Delivered after the commit,
   * like `recordMail`.
   */
  recordMails: (write: (delivery: InitialDelivery) => Promise<number>) => Promise<number>;
};

/** A named write (or audited read): `verbNoun(ctx, input)`, run by `services.execute`. */
export type Command<Input, Output> = (ctx: CommandContext, input: Input) => Promise<Output>;
