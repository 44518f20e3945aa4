import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { accounts, bargainingUnits, campaigns, cards, committeeAssignments, employers, employments, incidentWorksites, membershipWorksites, memberships, people, worksites } from '../schema/index.js';
import type { Role } from '../../vocabulary/roles.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type CampaignSettings = Partial<Pick<typeof campaigns.$inferInsert, 'name' | 'statement' | 'statementEs' | 'timeZone' | 'goalPercent' | 'cardValidityMonths' | 'jurisdiction' | 'mailSenderName' | 'mailReplyTo' | 'brandColor'>>;
export type EmployerSetupRow = typeof employers.$inferSelect;
export type UnitRow = typeof bargainingUnits.$inferSelect;
export type WorksiteRow = typeof worksites.$inferSelect;
/** What still names a school: removing it would orphan or rewrite these. */
export type WorksiteUsage = { people: number; cards: number; incidents: number };

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
    // ---- changing set-up later: one row of the campaign at a time ----
    async findEmployer(campaignId: string, employerId: string): Promise<EmployerSetupRow | undefined> {
      const [row] = await db.select().from(employers).where(and(eq(employers.campaignId, campaignId), eq(employers.id, employerId)));
      return row;
    },
    async updateEmployer(employerId: string, patch: Partial<Pick<EmployerSetupRow, 'name' | 'jurisdiction' | 'emailDomains'>>): Promise<EmployerSetupRow> {
      const [row] = await db.update(employers).set(patch).where(eq(employers.id, employerId)).returning();
      if (!row) throw new Error('update returned nothing');
      return row;
    },
    /** The names of the schools an employer still has. */
    async worksiteNamesOfEmployer(employerId: string): Promise<string[]> {
      const rows = await db.select({ name: worksites.name }).from(worksites).where(eq(worksites.employerId, employerId)).orderBy(asc(worksites.name));
      return rows.map((r) => r.name);
    },
    async deleteEmployer(employerId: string): Promise<void> {
      await db.delete(employers).where(eq(employers.id, employerId));
    },
    async findWorksite(campaignId: string, worksiteId: string): Promise<WorksiteRow | undefined> {
      const [row] = await db.select().from(worksites).where(and(eq(worksites.campaignId, campaignId), eq(worksites.id, worksiteId)));
      return row;
    },
    async updateWorksite(worksiteId: string, patch: Partial<Pick<WorksiteRow, 'name' | 'city' | 'employerId'>>): Promise<WorksiteRow> {
      const [row] = await db.update(worksites).set(patch).where(eq(worksites.id, worksiteId)).returning();
      if (!row) throw new Error('update returned nothing');
      return row;
    },
    /** People with any employment there (past or present), cards that name it, incidents logged there. One query after another. */
    async worksiteUsage(worksiteId: string): Promise<WorksiteUsage> {
      const [staff] = await db.select({ n: sql<number>`count(distinct ${employments.personId})::int` }).from(employments).where(eq(employments.worksiteId, worksiteId));
      const [signed] = await db.select({ n: sql<number>`count(*)::int` }).from(cards).where(eq(cards.worksiteId, worksiteId));
      const [logged] = await db.select({ n: sql<number>`count(*)::int` }).from(incidentWorksites).where(eq(incidentWorksites.worksiteId, worksiteId));
      return { people: staff?.n ?? 0, cards: signed?.n ?? 0, incidents: logged?.n ?? 0 };
    },
    async deleteWorksite(worksiteId: string): Promise<void> {
      await db.delete(worksites).where(eq(worksites.id, worksiteId));
    },
    async findUnit(campaignId: string, unitId: string): Promise<UnitRow | undefined> {
      const [row] = await db.select().from(bargainingUnits).where(and(eq(bargainingUnits.campaignId, campaignId), eq(bargainingUnits.id, unitId)));
      return row;
    },
    async updateUnit(unitId: string, patch: Partial<Pick<UnitRow, 'name' | 'description' | 'jobTitles' | 'appliesFrom'>>): Promise<UnitRow> {
      const [row] = await db.update(bargainingUnits).set(patch).where(eq(bargainingUnits.id, unitId)).returning();
      if (!row) throw new Error('update returned nothing');
      return row;
    },
    /** People with any employment in the unit, past or present. */
    async unitUsage(unitId: string): Promise<{ people: number }> {
      const [row] = await db.select({ n: sql<number>`count(distinct ${employments.personId})::int` }).from(employments).where(eq(employments.unitId, unitId));
      return { people: row?.n ?? 0 };
    },
    async deleteUnit(unitId: string): Promise<void> {
      await db.delete(bargainingUnits).where(eq(bargainingUnits.id, unitId));
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
