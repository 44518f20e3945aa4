import { and, asc, desc, eq, getTableColumns } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { endorsementDocuments, endorsements } from '../schema/index.js';

export type EndorsementRow = typeof endorsements.$inferSelect;
export type EndorsementInsert = typeof endorsements.$inferInsert;
export type DocumentMeta = { sha256: string; filename: string; size: number; contentType: string; uploadedAt: Date };
export type EndorsementWithDocument = EndorsementRow & { document: DocumentMeta | null };
export type DocumentInput = { sha256: string; filename: string; size: number; contentType: string; bytes: Buffer };

const documentMeta = {
  sha256: endorsementDocuments.sha256,
  filename: endorsementDocuments.filename,
  size: endorsementDocuments.size,
  contentType: endorsementDocuments.contentType,
  uploadedAt: endorsementDocuments.uploadedAt,
};

export function createEndorsementsRepository(db: Executor) {
  // Never selects the bytes of documents: lists stay small.
  const selectWithDocument = () =>
    db
      .select({ ...getTableColumns(endorsements), document: documentMeta })
      .from(endorsements)
      .leftJoin(endorsementDocuments, eq(endorsementDocuments.endorsementId, endorsements.id));
  const normalize = (rows: (EndorsementRow & { document: { [K in keyof DocumentMeta]: DocumentMeta[K] | null } | null })[]): EndorsementWithDocument[] =>
    rows.map((r) => ({ ...r, document: r.document && r.document.sha256 !== null ? (r.document as DocumentMeta) : null }));

  return {
    async listPublic(campaignId: string): Promise<EndorsementWithDocument[]> {
      return normalize(
        await selectWithDocument()
          .where(and(eq(endorsements.campaignId, campaignId), eq(endorsements.isPublic, true)))
          .orderBy(desc(endorsements.endorsedOn), asc(endorsements.endorserName)),
      );
    },
    async listAll(campaignId: string): Promise<EndorsementWithDocument[]> {
      return normalize(await selectWithDocument().where(eq(endorsements.campaignId, campaignId)).orderBy(desc(endorsements.endorsedOn), asc(endorsements.endorserName)));
    },
    async find(campaignId: string, id: string): Promise<EndorsementWithDocument | undefined> {
      const rows = normalize(await selectWithDocument().where(and(eq(endorsements.campaignId, campaignId), eq(endorsements.id, id))));
      return rows[0];
    },
    /** The document's bytes: with `publicOnly`, only when its endorsement is public. */
    async findDocument(campaignId: string, where: { sha256: string; publicOnly: true } | { endorsementId: string; publicOnly: false }) {
      const [row] = await db
        .select({ ...documentMeta, bytes: endorsementDocuments.bytes })
        .from(endorsementDocuments)
        .innerJoin(endorsements, eq(endorsements.id, endorsementDocuments.endorsementId))
        .where(
          and(
            eq(endorsements.campaignId, campaignId),
            where.publicOnly ? and(eq(endorsementDocuments.sha256, where.sha256), eq(endorsements.isPublic, true)) : eq(endorsements.id, where.endorsementId),
          ),
        )
        .limit(1);
      return row;
    },
    /** Creates the endorsement and its document together: both or neither. */
    async create(input: EndorsementInsert, document: DocumentInput | null): Promise<EndorsementRow> {
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(endorsements).values(input).returning();
        if (!row) throw new Error('insert returned nothing');
        if (document) await tx.insert(endorsementDocuments).values({ endorsementId: row.id, ...document });
        return row;
      });
    },
    /** `document`: undefined keeps it, null removes it, a value replaces it. */
    async update(campaignId: string, id: string, changes: Partial<EndorsementInsert>, document: DocumentInput | null | undefined, now: Date): Promise<EndorsementRow | undefined> {
      return db.transaction(async (tx) => {
        const [row] = await tx
          .update(endorsements)
          .set({ ...changes, updatedAt: now })
          .where(and(eq(endorsements.campaignId, campaignId), eq(endorsements.id, id)))
          .returning();
        if (!row) return undefined;
        if (document === null) await tx.delete(endorsementDocuments).where(eq(endorsementDocuments.endorsementId, id));
        if (document) {
          await tx
            .insert(endorsementDocuments)
            .values({ endorsementId: id, ...document, uploadedAt: now })
            .onConflictDoUpdate({ target: endorsementDocuments.endorsementId, set: { ...document, uploadedAt: now } });
        }
        return row;
      });
    },
    async remove(campaignId: string, id: string): Promise<boolean> {
      const rows = await db.delete(endorsements).where(and(eq(endorsements.campaignId, campaignId), eq(endorsements.id, id))).returning({ id: endorsements.id });
      return rows.length > 0;
    },
  };
}

export type EndorsementsRepository = ReturnType<typeof createEndorsementsRepository>;
