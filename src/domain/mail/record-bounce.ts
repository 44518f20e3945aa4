import type { CommandContext } from '../commands/command-context.js';

export type BounceReport = {
  originalMessageId: string | null;
  recipients: { address: string; action: string; status: string; diagnostic: string }[];
};

export type BounceOutcome = { mailId: string | null; suppressed: number; ignored: number };

/**
 * Records a bounce that came back after delivery (a delivery status notification, RFC 3464): the
 * message it names by its Message-ID is marked bounced, and each recipient the report says failed
 * for good (a 5.x.x status) is suppressed from the campaign's later sends, visibly, as a 5xx at
 * delivery is. A delay or a temporary failure (4.x.x) changes nothing. A report about a message
 * this instance did not send, or about an address that message was not for, is ignored: a forged
 * report must not take someone off the list.
 */
export async function recordBounce(ctx: CommandContext, input: BounceReport): Promise<BounceOutcome> {
  const mail = input.originalMessageId ? await ctx.repos.mail.findByMessageId(input.originalMessageId) : undefined;
  if (!mail) return { mailId: null, suppressed: 0, ignored: input.recipients.length };
  let suppressed = 0;
  for (const r of input.recipients) {
    const permanent = r.action === 'failed' && r.status.startsWith('5.');
    if (!permanent || r.address !== mail.toAddress.toLowerCase()) continue;
    const reason = `Bounced after delivery: ${r.status} ${r.diagnostic}`.trim().slice(0, 500);
    if (mail.campaignId) await ctx.repos.mail.suppress(mail.campaignId, r.address, reason, ctx.now);
    await ctx.repos.mail.markBounced(mail.id, reason, ctx.now);
    suppressed++;
  }
  await ctx.audit('mail.bounce_recorded', { campaignId: mail.campaignId, subject: { type: 'mail', id: mail.id }, details: { statuses: input.recipients.map((r) => r.status), suppressed } });
  return { mailId: mail.id, suppressed, ignored: input.recipients.length - suppressed };
}
