import type { Db } from '../../db/client.js';
import type { Keyring } from '../../crypto/keyring.js';
import { createRepositories, type Repositories } from '../../db/repositories/create-repositories.js';
import { campaignToday, type Clock } from '../calendar.js';
import { authorizeCampaign } from '../policies/authorize-campaign.js';
import type { Command, CommandContext, InitialDelivery } from './command-context.js';
import type { Requester } from './requester.js';

export type MailDelivery = {
  /** The delivery columns a recorded message starts with (due now over SMTP; the outbox otherwise). */
  initialDelivery: (now: Date) => InitialDelivery;
  /** Starts delivering due messages in the background; never awaited by a request. */
  kick: () => void;
};

/**
 * Runs commands in one transaction each (decision 0017): the reads, the rules, the policy check,
 * the write, the audit row and the mail rows commit together, or nothing does. Mail is delivered
 * only after the commit, by the outbox, so no request waits on an SMTP server and no committed
 * change is left without its message.
 */
export function createCommandRunner(deps: { db: Db; clock: Clock; mail: MailDelivery; keyring: Keyring }) {
  const { db, clock, mail, keyring } = deps;

  function contextFor(repos: Repositories, requester: Requester, onMail: () => void): CommandContext {
    let lastCampaignId: string | null = null;
    const now = clock();
    return {
      repos,
      requester,
      clock,
      now,
      today: (campaign) => campaignToday(campaign, () => now),
      async authorize(slug, action) {
        const access = await authorizeCampaign(repos, requester, slug, action);
        lastCampaignId = access.campaign.id;
        return access;
      },
      async audit(action, options = {}) {
        await repos.audit.append({
          actorAccountId: requester.accountId,
          actorEmail: requester.email,
          campaignId: options.campaignId === undefined ? lastCampaignId : options.campaignId,
          action,
          subjectType: options.subject?.type ?? null,
          subjectId: options.subject?.id ?? null,
          ip: requester.ip,
          details: options.details ?? {},
        });
      },
      async recordMail(message) {
        const campaign = message.campaignId ? await repos.campaigns.findById(message.campaignId) : undefined;
        const row = await repos.mail.record({
          campaignId: message.campaignId,
          kind: message.kind,
          toAddress: message.to,
          subject: message.subject,
          textBody: message.text,
          headers: {
            ...(message.automatic === false ? {} : { 'Auto-Submitted': 'auto-generated' }),
            ...(message.lang ? { 'Content-Language': message.lang } : {}),
            ...message.headers,
          },
          htmlBody: message.html ?? null,
          // The campaign's sender name and Reply-To (set in its settings) unless the message names its own.
          fromName: message.fromName ?? campaign?.mailSenderName ?? null,
          replyTo: message.replyTo ?? campaign?.mailReplyTo ?? null,
          ...mail.initialDelivery(now),
        });
        onMail();
        return row;
      },
      async recordMails(write) {
        const count = await write(mail.initialDelivery(now));
        if (count > 0) onMail();
        return count;
      },
    };
  }

  /** Runs a command in its own transaction; mail it recorded goes out after the commit. */
  async function execute<Input, Output>(command: Command<Input, Output>, requester: Requester, input: Input): Promise<Output> {
    let mailed = false;
    const result = await db.transaction(async (tx) => command(contextFor(createRepositories(tx, keyring), requester, () => (mailed = true)), input));
    if (mailed) mail.kick();
    return result;
  }

  const poolRepositories = createRepositories(db, keyring);

  /**
   * Runs a read on the pool, without a transaction: for public pages and other reads that write
   * nothing (an audited view of personal data goes through `execute`, so its audit row commits
   * before the data leaves).
   */
  async function read<Input, Output>(query: Command<Input, Output>, requester: Requester, input: Input): Promise<Output> {
    return query(
      contextFor(poolRepositories, requester, () => {
        throw new Error('a read cannot record mail; run it with execute()');
      }),
      input,
    );
  }

  return { execute, read };
}

export type CommandRunner = ReturnType<typeof createCommandRunner>;
