export const STALE_AFTER_DAYS = 30;

export type CoveragePerson = { personId: string; name: string; worksiteId: string; listAccountId: string | null; listAccountName: string | null; lastConversationAt: Date | null };

/**
 * Per worksite: who is on no committee member's list, and who has not been talked to in the last
 * 30 days (never counts as not talked to).
 */
export function summarizeCoverage(worksites: readonly { id: string; name: string }[], persons: readonly CoveragePerson[], now: Date) {
  const cutoff = new Date(now.getTime() - STALE_AFTER_DAYS * 24 * 60 * 60 * 1000);
  return worksites.map((site) => {
    const here = persons.filter((p) => p.worksiteId === site.id);
    const unassigned = here.filter((p) => p.listAccountId === null);
    const notContacted = here.filter((p) => p.lastConversationAt === null || p.lastConversationAt < cutoff);
    const brief = (p: CoveragePerson) => ({ personId: p.personId, name: p.name, listOwner: p.listAccountName, lastConversationAt: p.lastConversationAt?.toISOString() ?? null });
    return {
      worksiteId: site.id,
      worksiteName: site.name,
      people: here.length,
      assigned: here.length - unassigned.length,
      contactedRecently: here.length - notContacted.length,
      unassigned: unassigned.map(brief),
      notContacted: notContacted.map(brief),
    };
  });
}
