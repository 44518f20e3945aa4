import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { accounts, bargainingUnits, campaigns, committeeAssignments, employers, employments, membershipWorksites, memberships, people, worksites } from '../schema/index.js';
import type { Role } from '../../vocabulary/roles.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignSettings = Partial<Pick<typeof campaigns.$inferInsert, 'name' | 'statement' | 'timeZone' | 'goalPercent' | 'cardValidityMonths' | 'jurisdiction' | 'mailSenderName' | 'mailReplyTo' | 'brandColor'>>;
export type EmployerSetupRow = typeof employers.$inferSelect;
export type UnitRow = typeof bargainingUnits.$inferSelect;

export function createCampaignsRepository(db: Executor) {
  return {
    async findBySlug(slug: string): Promise<CampaignRow | undefined> {
      const [row] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
      return row;
    },
    async findById(id: string): Promise<CampaignRow | undefined> {
      const [row] = await db.select().from(campaigns).where(eq(campaigns.id, id));
      return row;
    },
    async findDefault(): Promise<CampaignRow | undefined> {
      const [row] = await db.select().from(campaigns).orderBy(sql`${campaigns.isDefault} desc`, asc(campaigns.createdAt)).limit(1);
      return row;
    },
    async count(): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(campaigns);
      return row?.n ?? 0;
    },
    async create(input: typeof campaigns.$inferInsert): Promise<CampaignRow> {
      const [row] = await db.insert(campaigns).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async updateSettings(campaignId: string, settings: CampaignSettings): Promise<CampaignRow | undefined> {
      if (Object.keys(settings).length === 0) return (await db.select().from(campaigns).where(eq(campaigns.id, campaignId)))[0];
      const [row] = await db.update(campaigns).set(settings).where(eq(campaigns.id, campaignId)).returning();
      return row;
    },
    /** Deletes the campaign and, by cascade, everything in it; the audit log keeps its history (no foreign keys). */
    async deleteBySlug(slug: string): Promise<string | undefined> {
      const [row] = await db.delete(campaigns).where(eq(campaigns.slug, slug)).returning({ id: campaigns.id });
      return row?.id;
    },
    async listEmployers(campaignId: string): Promise<EmployerSetupRow[]> {
      return db.select().from(employers).where(eq(employers.campaignId, campaignId)).orderBy(asc(employers.name));
    },
    async createEmployer(input: typeof employers.$inferInsert): Promise<EmployerSetupRow> {
      const [row] = await db.insert(employers).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async createWorksites(rows: (typeof worksites.$inferInsert)[]) {
      if (rows.length === 0) return [];
      return db.insert(worksites).values(rows).returning();
    },
    async createUnit(input: typeof bargainingUnits.$inferInsert): Promise<UnitRow> {
      const [row] = await db.insert(bargainingUnits).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },
    async listForAccount(accountId: string) {
      return db
        .select({ campaign: campaigns, role: memberships.role })
        .from(memberships)
        .innerJoin(campaigns, eq(campaigns.id, memberships.campaignId))
        .where(eq(memberships.accountId, accountId))
        .orderBy(asc(campaigns.name));
    },
    async findMembership(accountId: string, campaignId: string): Promise<{ role: Role; worksiteIds: string[] } | undefined> {
      const [m] = await db
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.accountId, accountId), eq(memberships.campaignId, campaignId)));
      if (!m) return undefined;
      const sites = await db
        .select({ id: membershipWorksites.worksiteId })
        .from(membershipWorksites)
        .innerJoin(worksites, eq(worksites.id, membershipWorksites.worksiteId))
        .where(and(eq(membershipWorksites.accountId, accountId), eq(worksites.campaignId, campaignId)));
      return { role: m.role, worksiteIds: sites.map((s) => s.id) };
    },
    async listMembers(campaignId: string) {
      const rows = await db
        .select({ accountId: accounts.id, email: accounts.email, name: accounts.name, role: memberships.role })
        .from(memberships)
        .innerJoin(accounts, eq(accounts.id, memberships.accountId))
        .where(eq(memberships.campaignId, campaignId))
        .orderBy(asc(accounts.email));
      const sites = await db
        .select({ accountId: membershipWorksites.accountId, worksiteId: membershipWorksites.worksiteId })
        .from(membershipWorksites)
        .innerJoin(worksites, eq(worksites.id, membershipWorksites.worksiteId))
        .where(eq(worksites.campaignId, campaignId));
      return rows.map((r) => ({ ...r, worksiteIds: sites.filter((s) => s.accountId === r.accountId).map((s) => s.worksiteId) }));
    },
    async listWorksites(campaignId: string) {
      return db.select().from(worksites).where(eq(worksites.campaignId, campaignId)).orderBy(asc(worksites.name));
    },
    async listUnits(campaignId: string) {
      return db.select().from(bargainingUnits).where(eq(bargainingUnits.campaignId, campaignId)).orderBy(asc(bargainingUnits.name));
    },
    /** Campaign-wide aggregates only: safe for any member and for the public site. */
    async countRoster(campaignId: string, asOf: string): Promise<{ worksites: number; employees: number }> {
      const [row] = await db
        .select({
          employees: sql<number>`count(distinct ${employments.personId})::int`,
          worksites: sql<number>`count(distinct ${employments.worksiteId})::int`,
        })
        .from(employments)
        .innerJoin(people, eq(people.id, employments.personId))
        .where(
          and(
            eq(employments.campaignId, campaignId),
            sql`${employments.unitId} is not null`,
            sql`${employments.startDate} <= ${asOf}`,
            sql`(${employments.endDate} is null or ${employments.endDate} >= ${asOf})`,
          ),
        );
      return { worksites: row?.worksites ?? 0, employees: row?.employees ?? 0 };
    },
    /**
     * Locks the campaign's admin memberships (in the caller's transaction) and returns who they are.
     * Taken before a role change, it makes two simultaneous demotions of the last two admins wait
     * for each other, so the second one sees the first and is refused.
     */
    async lockAdmins(campaignId: string): Promise<string[]> {
      // A disabled account's membership stays (it may be enabled again) but manages nothing: it does not count.
      const rows = await db
        .select({ accountId: memberships.accountId })
        .from(memberships)
        .innerJoin(accounts, eq(accounts.id, memberships.accountId))
        .where(and(eq(memberships.campaignId, campaignId), eq(memberships.role, 'admin'), isNull(accounts.disabledAt)))
        // Always locked in the same order, so two of these never wait on each other in a circle.
        .orderBy(asc(memberships.accountId))
        .for('update', { of: memberships });
      return rows.map((r) => r.accountId);
    },
    /** The campaigns where the account is an admin. */
    async campaignsAdministeredBy(accountId: string): Promise<CampaignRow[]> {
      const rows = await db
        .select({ campaign: campaigns })
        .from(memberships)
        .innerJoin(campaigns, eq(campaigns.id, memberships.campaignId))
        .where(and(eq(memberships.accountId, accountId), eq(memberships.role, 'admin')))
        .orderBy(asc(campaigns.id));
      return rows.map((r) => r.campaign);
    },
    /**
     * Ends an account's membership of a campaign: its role, its worksites and the committee list it
     * kept (those people show as on no one's list again). Returns whether there was one.
     */
    async removeMembership(accountId: string, campaignId: string): Promise<boolean> {
      const campaignSites = db.select({ id: worksites.id }).from(worksites).where(eq(worksites.campaignId, campaignId));
      await db.delete(membershipWorksites).where(and(eq(membershipWorksites.accountId, accountId), sql`${membershipWorksites.worksiteId} in ${campaignSites}`));
      await db.delete(committeeAssignments).where(and(eq(committeeAssignments.accountId, accountId), eq(committeeAssignments.campaignId, campaignId)));
      const removed = await db
        .delete(memberships)
        .where(and(eq(memberships.accountId, accountId), eq(memberships.campaignId, campaignId)))
        .returning({ accountId: memberships.accountId });
      return removed.length > 0;
    },
    /** Writes a membership and its worksites as given; the rules are the command's (change-membership.ts). */
    async saveMembership(input: { accountId: string; campaignId: string; role: Role; worksiteIds: string[] }): Promise<void> {
      await db
        .insert(memberships)
        .values({ accountId: input.accountId, campaignId: input.campaignId, role: input.role })
        .onConflictDoUpdate({ target: [memberships.accountId, memberships.campaignId], set: { role: input.role } });
      const campaignSites = db.select({ id: worksites.id }).from(worksites).where(eq(worksites.campaignId, input.campaignId));
      await db.delete(membershipWorksites).where(and(eq(membershipWorksites.accountId, input.accountId), sql`${membershipWorksites.worksiteId} in ${campaignSites}`));
      if (input.worksiteIds.length > 0) {
        await db.insert(membershipWorksites).values(input.worksiteIds.map((worksiteId) => ({ accountId: input.accountId, worksiteId })));
      }
    },
  };
}

export type CampaignsRepository = ReturnType<typeof createCampaignsRepository>;
