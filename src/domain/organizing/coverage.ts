export const STALE_AFTER_DAYS = 30;

export type CoveragePerson = { personId: string; name: string; worksiteId: string; listAccountId: string | null; listAccountName: string | null; lastConversationAt: Date | null };

export type CoverageEntry = { personId: string; name: string; listOwner: string | null; lastConversationAt: Date | null };

export type WorksiteCoverage = {
  worksiteId: string;
  worksiteName: string;
  people: number;
  assigned: number;
  contactedRecently: number;
  unassigned: CoverageEntry[];
  notContacted: CoverageEntry[];
};

/**
 * Per worksite: who is on no committee member's list, and who has not been talked to since
 * `contactedSince` (never counts as not talked to).
 */
export function summarizeCoverage(worksites: readonly { id: string; name: string }[], persons: readonly CoveragePerson[], contactedSince: Date): WorksiteCoverage[] {
  return worksites.map((site) => {
    const here = persons.filter((p) => p.worksiteId === site.id);
    const unassigned = here.filter((p) => p.listAccountId === null);
    const notContacted = here.filter((p) => p.lastConversationAt === null || p.lastConversationAt < contactedSince);
    const brief = (p: CoveragePerson): CoverageEntry => ({ personId: p.personId, name: p.name, listOwner: p.listAccountName, lastConversationAt: p.lastConversationAt });
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
