import type { CommandContext } from '../commands/command-context.js';

export type CommitteeList = { accountId: string; name: string; email: string; people: { personId: string; name: string }[] };

/** Who organizes whom. Organizers see every list, a committee member their own; the view is audited. */
export async function listCommitteeLists(ctx: CommandContext, input: { slug: string }): Promise<CommitteeList[]> {
  const { campaign, actor, accountId } = await ctx.authorize(input.slug, 'people.view');
  const own = actor.role === 'committee' ? accountId : null;
  const rows = await ctx.repos.organizing.lists(campaign.id, own);
  const byAccount = new Map<string, CommitteeList>();
  for (const r of rows) {
    const entry = byAccount.get(r.accountId) ?? { accountId: r.accountId, name: r.accountName, email: r.accountEmail, people: [] };
    entry.people.push({ personId: r.personId, name: `${r.givenName} ${r.familyName}` });
    byAccount.set(r.accountId, entry);
  }
  const lists = [...byAccount.values()];
  await ctx.audit('committee.lists_viewed', { details: { lists: lists.length, people: rows.length } });
  return lists;
}
