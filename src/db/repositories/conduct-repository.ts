import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import {
  accounts,
  attachmentContents,
  attachments,
  employerAgents,
  incidentAgents,
  incidentAttachments,
  incidentProvisions,
  incidentQuotes,
  incidents,
  incidentStatusChanges,
  incidentWitnesses,
  incidentWorksites,
  legalProvisions,
  memberships,
  people,
  worksites,
} from '../schema/index.js';
import type { agentRoles, conductKinds, incidentStatuses } from '../schema/index.js';

export type ConductKind = (typeof conductKinds)[number];
export type IncidentStatus = (typeof incidentStatuses)[number];
export type AgentRole = (typeof agentRoles)[number];
export type Jurisdiction = 'ca_perb' | 'nlrb';

export type AgentRow = typeof employerAgents.$inferSelect;
export type ProvisionRow = typeof legalProvisions.$inferSelect;
export type AttachmentMeta = typeof attachments.$inferSelect;

export type QuoteInput = { text: string; speakerAgentId: string | null; source: string; attachmentId: string | null; pageFrom: number | null; pageTo: number | null };

/** Everything an incident is, as written by the service after it checked every reference. */
export type IncidentWrite = {
  occurredOn: string;
  occurredTime: string | null;
  kind: ConductKind;
  title: string;
  description: string;
  provisionsChosen: boolean;
  reportedByAccountId: string | null;
  reportedByPersonId: string | null;
  worksiteIds: string[];
  agentIds: string[];
  witnessIds: string[];
  provisionIds: string[];
  attachmentIds: string[];
  quotes: QuoteInput[];
};

export type IncidentFilter = {
  worksiteId?: string;
  kind?: ConductKind;
  agentId?: string;
  provisionId?: string;
  from?: string;
  to?: string;
  status?: IncidentStatus;
};

export type IncidentRecord = {
  id: string;
  occurredOn: string;
  occurredTime: string | null;
  kind: ConductKind;
  title: string;
  description: string;
  status: IncidentStatus;
  chargeNumber: string | null;
  provisionsChosen: boolean;
  recordedBy: { id: string; name: string } | null;
  reportedBy: { type: 'account' | 'person'; id: string; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
  worksites: { id: string; name: string }[];
  agents: { id: string; name: string; role: AgentRole; title: string }[];
  witnesses: { id: string; name: string }[];
  provisions: { id: string; jurisdiction: Jurisdiction; code: string; title: string; deadlineMonths: number }[];
  attachments: AttachmentMeta[];
  quotes: { id: string; position: number; text: string; speaker: { id: string; name: string } | null; source: string; attachmentId: string | null; pageFrom: number | null; pageTo: number | null }[];
};

export type StatusChange = { status: IncidentStatus; chargeNumber: string | null; note: string; changedAt: Date; changedBy: string | null };

type Tx = Executor;

const personName = sql<string>`${people.givenName} || ' ' || ${people.familyName}`;

async function writeLinks(tx: Tx, incidentId: string, input: IncidentWrite): Promise<void> {
  if (input.worksiteIds.length > 0) await tx.insert(incidentWorksites).values(input.worksiteIds.map((worksiteId) => ({ incidentId, worksiteId })));
  if (input.agentIds.length > 0) await tx.insert(incidentAgents).values(input.agentIds.map((agentId) => ({ incidentId, agentId })));
  if (input.witnessIds.length > 0) await tx.insert(incidentWitnesses).values(input.witnessIds.map((personId) => ({ incidentId, personId })));
  if (input.provisionIds.length > 0) await tx.insert(incidentProvisions).values(input.provisionIds.map((provisionId) => ({ incidentId, provisionId })));
  if (input.attachmentIds.length > 0) {
    await tx.insert(incidentAttachments).values(input.attachmentIds.map((attachmentId, position) => ({ incidentId, attachmentId, position })));
  }
  if (input.quotes.length > 0) await tx.insert(incidentQuotes).values(input.quotes.map((q, position) => ({ incidentId, position, ...q })));
}

async function clearLinks(tx: Tx, incidentId: string): Promise<void> {
  await tx.delete(incidentWorksites).where(eq(incidentWorksites.incidentId, incidentId));
  await tx.delete(incidentAgents).where(eq(incidentAgents.incidentId, incidentId));
  await tx.delete(incidentWitnesses).where(eq(incidentWitnesses.incidentId, incidentId));
  await tx.delete(incidentProvisions).where(eq(incidentProvisions.incidentId, incidentId));
  await tx.delete(incidentAttachments).where(eq(incidentAttachments.incidentId, incidentId));
  await tx.delete(incidentQuotes).where(eq(incidentQuotes.incidentId, incidentId));
}

function filterConditions(campaignId: string, filter: IncidentFilter): SQL[] {
  const where: SQL[] = [eq(incidents.campaignId, campaignId)];
  if (filter.kind) where.push(eq(incidents.kind, filter.kind));
  if (filter.status) where.push(eq(incidents.status, filter.status));
  if (filter.from) where.push(gte(incidents.occurredOn, filter.from));
  if (filter.to) where.push(lte(incidents.occurredOn, filter.to));
  if (filter.worksiteId) {
    where.push(sql`exists (select 1 from ${incidentWorksites} where ${incidentWorksites.incidentId} = ${incidents.id} and ${incidentWorksites.worksiteId} = ${filter.worksiteId})`);
  }
  if (filter.agentId) {
    where.push(sql`exists (select 1 from ${incidentAgents} where ${incidentAgents.incidentId} = ${incidents.id} and ${incidentAgents.agentId} = ${filter.agentId})`);
  }
  if (filter.provisionId) {
    where.push(sql`exists (select 1 from ${incidentProvisions} where ${incidentProvisions.incidentId} = ${incidents.id} and ${incidentProvisions.provisionId} = ${filter.provisionId})`);
  }
  return where;
}

export function createConductRepository(db: Executor) {
  /** Loads the related rows of the given incidents in a few queries (not one per incident). */
  async function hydrate(rows: (typeof incidents.$inferSelect)[]): Promise<IncidentRecord[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const accountIds = [...new Set(rows.flatMap((r) => [r.recordedByAccountId, r.reportedByAccountId]).filter((v): v is string => v !== null))];
    const reporterIds = [...new Set(rows.map((r) => r.reportedByPersonId).filter((v): v is string => v !== null))];
    // One query after another: inside a command's transaction they share one connection (decision 0017).
    const sites = await db.select({ incidentId: incidentWorksites.incidentId, id: worksites.id, name: worksites.name }).from(incidentWorksites).innerJoin(worksites, eq(worksites.id, incidentWorksites.worksiteId)).where(inArray(incidentWorksites.incidentId, ids)).orderBy(asc(worksites.name));
    const agents = await db
      .select({ incidentId: incidentAgents.incidentId, id: employerAgents.id, name: employerAgents.name, role: employerAgents.role, title: employerAgents.title })
      .from(incidentAgents)
      .innerJoin(employerAgents, eq(employerAgents.id, incidentAgents.agentId))
      .where(inArray(incidentAgents.incidentId, ids))
      .orderBy(asc(employerAgents.name));
    const witnesses = await db.select({ incidentId: incidentWitnesses.incidentId, id: people.id, name: personName }).from(incidentWitnesses).innerJoin(people, eq(people.id, incidentWitnesses.personId)).where(inArray(incidentWitnesses.incidentId, ids)).orderBy(asc(people.familyName), asc(people.givenName));
    const provisions = await db
      .select({ incidentId: incidentProvisions.incidentId, id: legalProvisions.id, jurisdiction: legalProvisions.jurisdiction, code: legalProvisions.code, title: legalProvisions.title, deadlineMonths: legalProvisions.deadlineMonths })
      .from(incidentProvisions)
      .innerJoin(legalProvisions, eq(legalProvisions.id, incidentProvisions.provisionId))
      .where(inArray(incidentProvisions.incidentId, ids))
      .orderBy(asc(legalProvisions.code));
    const files = await db.select({ incidentId: incidentAttachments.incidentId, position: incidentAttachments.position, file: attachments }).from(incidentAttachments).innerJoin(attachments, eq(attachments.id, incidentAttachments.attachmentId)).where(inArray(incidentAttachments.incidentId, ids)).orderBy(asc(incidentAttachments.position));
    const quotes = await db
      .select({ quote: incidentQuotes, speakerName: employerAgents.name })
      .from(incidentQuotes)
      .leftJoin(employerAgents, eq(employerAgents.id, incidentQuotes.speakerAgentId))
      .where(inArray(incidentQuotes.incidentId, ids))
      .orderBy(asc(incidentQuotes.position));
    const accountRows = accountIds.length > 0 ? await db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, accountIds)) : [];
    const reporterRows = reporterIds.length > 0 ? await db.select({ id: people.id, name: personName }).from(people).where(inArray(people.id, reporterIds)) : [];
    const accountName = new Map(accountRows.map((a) => [a.id, a.name]));
    const reporterName = new Map(reporterRows.map((p) => [p.id, p.name]));
    const pick = <T extends { incidentId: string }>(list: T[], id: string) => list.filter((x) => x.incidentId === id).map(({ incidentId: _omit, ...rest }) => rest);
    return rows.map((r) => ({
      id: r.id,
      occurredOn: r.occurredOn,
      occurredTime: r.occurredTime ? r.occurredTime.slice(0, 5) : null,
      kind: r.kind,
      title: r.title,
      description: r.description,
      status: r.status,
      chargeNumber: r.chargeNumber,
      provisionsChosen: r.provisionsChosen,
      recordedBy: r.recordedByAccountId ? { id: r.recordedByAccountId, name: accountName.get(r.recordedByAccountId) ?? '' } : null,
      reportedBy: r.reportedByPersonId
        ? { type: 'person', id: r.reportedByPersonId, name: reporterName.get(r.reportedByPersonId) ?? '' }
        : r.reportedByAccountId
          ? { type: 'account', id: r.reportedByAccountId, name: accountName.get(r.reportedByAccountId) ?? '' }
          : null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      worksites: pick(sites, r.id),
      agents: pick(agents, r.id),
      witnesses: pick(witnesses, r.id),
      provisions: pick(provisions, r.id),
      attachments: files.filter((f) => f.incidentId === r.id).map((f) => f.file),
      quotes: quotes
        .filter((q) => q.quote.incidentId === r.id)
        .map(({ quote: q, speakerName }) => ({
          id: q.id,
          position: q.position,
          text: q.text,
          speaker: q.speakerAgentId ? { id: q.speakerAgentId, name: speakerName ?? '' } : null,
          source: q.source,
          attachmentId: q.attachmentId,
          pageFrom: q.pageFrom,
          pageTo: q.pageTo,
        })),
    }));
  }

  return {
    async listAgents(campaignId: string): Promise<AgentRow[]> {
      return db.select().from(employerAgents).where(eq(employerAgents.campaignId, campaignId)).orderBy(asc(employerAgents.name));
    },
    /**
     * Holds the campaign's agent names until the transaction ends, so two requests adding the same
     * name cannot both find it missing and both insert it.
     */
    async lockAgentNames(campaignId: string): Promise<void> {
      await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`employer_agents:${campaignId}`}, 0))`);
    },
    async createAgent(input: { campaignId: string; name: string; role: AgentRole; title: string; worksiteId: string | null }): Promise<AgentRow> {
      const [row] = await db.insert(employerAgents).values(input).returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    /** The built-in provisions of the jurisdiction and the campaign's own. */
    async listProvisions(campaignId: string, jurisdiction: Jurisdiction): Promise<ProvisionRow[]> {
      return db
        .select()
        .from(legalProvisions)
        .where(and(eq(legalProvisions.jurisdiction, jurisdiction), or(isNull(legalProvisions.campaignId), eq(legalProvisions.campaignId, campaignId))))
        .orderBy(asc(legalProvisions.code));
    },
    async createProvision(input: { campaignId: string; jurisdiction: Jurisdiction; code: string; title: string; description: string; deadlineMonths: number; defaultKinds: ConductKind[] }): Promise<ProvisionRow | undefined> {
      const [row] = await db.insert(legalProvisions).values(input).onConflictDoNothing().returning();
      return row;
    },

    /** Which of the given ids exist in the campaign, per kind of reference. */
    async findKnownIds(campaignId: string, ids: { worksiteIds: string[]; agentIds: string[]; personIds: string[]; attachmentIds: string[] }) {
      const select = async (table: typeof worksites | typeof employerAgents | typeof people | typeof attachments, list: string[]) =>
        list.length === 0 ? new Set<string>() : new Set((await db.select({ id: table.id }).from(table).where(and(eq(table.campaignId, campaignId), inArray(table.id, list)))).map((r) => r.id));
      // One after another: a command's transaction is one connection.
      const worksiteIds = await select(worksites, ids.worksiteIds);
      const agentIds = await select(employerAgents, ids.agentIds);
      const personIds = await select(people, ids.personIds);
      const attachmentIds = await select(attachments, ids.attachmentIds);
      return { worksiteIds, agentIds, personIds, attachmentIds };
    },

    /** Stores the file's metadata and bytes together; the database re-checks the hash on insert. */
    async createAttachment(input: { campaignId: string; filename: string; mediaType: string; sizeBytes: number; sha256: string; description: string; uploadedByAccountId: string | null; content: Buffer }): Promise<AttachmentMeta> {
      const { content, ...meta } = input;
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(attachments).values(meta).returning();
        if (!row) throw new Error('insert returned nothing');
        await tx.insert(attachmentContents).values({ attachmentId: row.id, content });
        return row;
      });
    },
    async listAttachments(campaignId: string): Promise<AttachmentMeta[]> {
      return db.select().from(attachments).where(eq(attachments.campaignId, campaignId)).orderBy(asc(attachments.uploadedAt));
    },
    async findAttachment(campaignId: string, id: string): Promise<AttachmentMeta | undefined> {
      const [row] = await db.select().from(attachments).where(and(eq(attachments.campaignId, campaignId), eq(attachments.id, id)));
      return row;
    },
    async readAttachmentContent(campaignId: string, id: string): Promise<Buffer | undefined> {
      const [row] = await db
        .select({ content: attachmentContents.content })
        .from(attachmentContents)
        .innerJoin(attachments, eq(attachments.id, attachmentContents.attachmentId))
        .where(and(eq(attachments.campaignId, campaignId), eq(attachments.id, id)));
      return row?.content;
    },

    /**
     * Attachments whose stored bytes no longer hash to the upload hash (computed inside PostgreSQL,
     * without sending the files). Empty unless someone bypassed the triggers.
     */
    async findAlteredAttachments(campaignId: string, ids: string[]): Promise<string[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ id: attachments.id })
        .from(attachments)
        .leftJoin(attachmentContents, eq(attachmentContents.attachmentId, attachments.id))
        .where(
          and(
            eq(attachments.campaignId, campaignId),
            inArray(attachments.id, ids),
            sql`(${attachmentContents.content} is null or encode(sha256(${attachmentContents.content}), 'hex') <> ${attachments.sha256})`,
          ),
        );
      return rows.map((r) => r.id);
    },

    async createIncident(input: IncidentWrite & { campaignId: string; recordedByAccountId: string | null; now: Date }): Promise<string> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(incidents)
          .values({
            campaignId: input.campaignId,
            occurredOn: input.occurredOn,
            occurredTime: input.occurredTime,
            kind: input.kind,
            title: input.title,
            description: input.description,
            provisionsChosen: input.provisionsChosen,
            recordedByAccountId: input.recordedByAccountId,
            reportedByAccountId: input.reportedByAccountId,
            reportedByPersonId: input.reportedByPersonId,
            createdAt: input.now,
            updatedAt: input.now,
          })
          .returning({ id: incidents.id });
        if (!row) throw new Error('insert returned nothing');
        await writeLinks(tx, row.id, input);
        await tx.insert(incidentStatusChanges).values({ incidentId: row.id, status: 'documented', changedByAccountId: input.recordedByAccountId, note: 'Recorded', changedAt: input.now });
        return row.id;
      });
    },

    /** Replaces the incident's details and every list (worksites, actors, quotes, …) at once. */
    async updateIncident(campaignId: string, id: string, input: IncidentWrite, now: Date): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(incidents)
          .set({
            occurredOn: input.occurredOn,
            occurredTime: input.occurredTime,
            kind: input.kind,
            title: input.title,
            description: input.description,
            provisionsChosen: input.provisionsChosen,
            reportedByAccountId: input.reportedByAccountId,
            reportedByPersonId: input.reportedByPersonId,
            updatedAt: now,
          })
          .where(and(eq(incidents.campaignId, campaignId), eq(incidents.id, id)))
          .returning({ id: incidents.id });
        if (!row) return false;
        await clearLinks(tx, id);
        await writeLinks(tx, id, input);
        return true;
      });
    },

    async changeStatus(campaignId: string, id: string, change: { status: IncidentStatus; chargeNumber: string | null; note: string; changedByAccountId: string | null; now: Date }): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(incidents)
          .set({ status: change.status, chargeNumber: change.chargeNumber, updatedAt: change.now })
          .where(and(eq(incidents.campaignId, campaignId), eq(incidents.id, id)))
          .returning({ id: incidents.id });
        if (!row) return false;
        await tx.insert(incidentStatusChanges).values({ incidentId: id, status: change.status, chargeNumber: change.chargeNumber, note: change.note, changedByAccountId: change.changedByAccountId, changedAt: change.now });
        return true;
      });
    },

    async listIncidents(campaignId: string, filter: IncidentFilter, limit: number): Promise<IncidentRecord[]> {
      const rows = await db
        .select()
        .from(incidents)
        .where(and(...filterConditions(campaignId, filter)))
        .orderBy(asc(incidents.occurredOn), sql`${incidents.occurredTime} asc nulls first`, asc(incidents.createdAt))
        .limit(limit);
      return hydrate(rows);
    },

    async findIncident(campaignId: string, id: string): Promise<IncidentRecord | undefined> {
      const rows = await db.select().from(incidents).where(and(eq(incidents.campaignId, campaignId), eq(incidents.id, id)));
      return (await hydrate(rows))[0];
    },

    async listStatusChanges(incidentId: string): Promise<StatusChange[]> {
      return db
        .select({ status: incidentStatusChanges.status, chargeNumber: incidentStatusChanges.chargeNumber, note: incidentStatusChanges.note, changedAt: incidentStatusChanges.changedAt, changedBy: accounts.name })
        .from(incidentStatusChanges)
        .leftJoin(accounts, eq(accounts.id, incidentStatusChanges.changedByAccountId))
        .where(eq(incidentStatusChanges.incidentId, incidentId))
        .orderBy(asc(incidentStatusChanges.changedAt));
    },

    /** Whether an account is a member of the campaign (a reporter must be one). */
    async isCampaignAccount(campaignId: string, accountId: string): Promise<boolean> {
      const rows = await db.select({ role: memberships.role }).from(memberships).where(and(eq(memberships.campaignId, campaignId), eq(memberships.accountId, accountId)));
      return rows.length > 0;
    },
  };
}

export type ConductRepository = ReturnType<typeof createConductRepository>;
