import type { CommandContext } from '../commands/command-context.js';
import { recordNewsletterSend } from './record-newsletter-send.js';

/**
 * The schedule's sweep, run by the server as the system: sends each newsletter whose scheduled
 * time has come and which is public by then, claiming it first (two processes sweeping at once
 * send it once). One not yet published waits for its publication. Returns how many were sent.
 */
export async function sendDueNewsletters(ctx: CommandContext, input: { publicUrl: string; secret: string }): Promise<number> {
  let count = 0;
  for (const n of await ctx.repos.newsletters.listDueSends(ctx.now)) {
    const campaign = await ctx.repos.campaigns.findById(n.campaignId);
    if (!campaign || !(await ctx.repos.subscribers.claimSend(n.id, ctx.now))) continue;
    await recordNewsletterSend(ctx, campaign, n, { ...input, scheduled: true });
    count++;
  }
  return count;
}
