import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Keyring } from '../../crypto/keyring.js';
import type { Executor } from '../client.js';
import { openCard, sealCard } from './card-sealing.js';
import { cardRevocations, cards, cardScans, cardTexts, employers, employments, people, worksites } from '../schema/index.js';

export type CardTextRow = typeof cardTexts.$inferSelect;
export type CardRow = typeof cards.$inferSelect;
export type NewCard = typeof cards.$inferInsert;
export type NewScan = { filename: string; contentType: string; byteSize: number; sha256: string; bytes: Buffer };
export type WorksiteWithEmployer = { id: string; name: string; employerId: string; employerName: string };

export type CardListRow = CardRow & {
  revokedOn: string | null;
  revocationReason: string | null;
  personName: string | null;
  hasScan: boolean;
};

export type CardFilter = {
  /** 'all' or the worksites the caller may see (by the worksite on the card). */
  scope: 'all' | readonly string[];
  worksiteId?: string;
  matchStatus?: CardRow['matchStatus'] | 'review';
  limit: number;
  offset: number;
};

const listColumns = {
  card: cards,
  revokedOn: cardRevocations.effectiveOn,
  revocationReason: cardRevocations.reason,
  personName: sql<string | null>`case when ${people.id} is null then null else ${people.givenName} || ' ' || ${people.familyName} end`,
  hasScan: sql<boolean>`exists (select 1 from ${cardScans} where ${cardScans.cardId} = ${cards.id})`,
};

function flatten(row: { card: CardRow; revokedOn: string | null; revocationReason: string | null; personName: string | null; hasScan: boolean }): CardListRow {
  return { ...row.card, revokedOn: row.revokedOn, revocationReason: row.revocationReason, personName: row.personName, hasScan: row.hasScan };
}

export function createCardsRepository(db: Executor, keyring: Keyring) {
  return {
    async currentCardText(campaignId: string): Promise<CardTextRow | undefined> {
      const [row] = await db.select().from(cardTexts).where(eq(cardTexts.campaignId, campaignId)).orderBy(desc(cardTexts.version)).limit(1);
      return row;
    },
    async listCardTexts(campaignId: string): Promise<CardTextRow[]> {
      return db.select().from(cardTexts).where(eq(cardTexts.campaignId, campaignId)).orderBy(desc(cardTexts.version));
    },
    async findCardText(campaignId: string, version: number): Promise<CardTextRow | undefined> {
      const [row] = await db.select().from(cardTexts).where(and(eq(cardTexts.campaignId, campaignId), eq(cardTexts.version, version)));
      return row;
    },
    /** A new version; concurrent writers serialize on the campaign (unique version per campaign). */
    async createCardText(input: { campaignId: string; title: string; body: string; createdBy: string | null }): Promise<CardTextRow> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`card_texts:${input.campaignId}`}, 0))`);
        const [last] = await tx
          .select({ version: sql<number>`coalesce(max(${cardTexts.version}), 0)::int` })
          .from(cardTexts)
          .where(eq(cardTexts.campaignId, input.campaignId));
        const [row] = await tx
          .insert(cardTexts)
          .values({ ...input, version: (last?.version ?? 0) + 1 })
          .returning();
        if (!row) throw new Error('insert returned nothing');
        return row;
      });
    },

    async listWorksitesWithEmployers(campaignId: string): Promise<WorksiteWithEmployer[]> {
      return db
        .select({ id: worksites.id, name: worksites.name, employerId: employers.id, employerName: employers.name })
        .from(worksites)
        .innerJoin(employers, eq(employers.id, worksites.employerId))
        .where(eq(worksites.campaignId, campaignId))
        .orderBy(asc(worksites.name));
    },

    /** Who on the roster each matching method points at (any employment, past or present). */
    async findMatchCandidates(
      campaignId: string,
      input: { email: string | null; employeeId: string | null; name: string; worksiteId: string },
    ): Promise<{ email: string[]; employee_id: string[]; name_school: string[] }> {
      const byEmail = input.email
        ? await db
            .select({ id: people.id })
            .from(people)
            .where(and(eq(people.campaignId, campaignId), sql`(lower(${people.personalEmail}) = lower(${input.email}) or lower(${people.workEmail}) = lower(${input.email}))`))
        : [];
      const byEmployeeId = input.employeeId
        ? await db
            .select({ id: people.id })
            .from(people)
            .where(and(eq(people.campaignId, campaignId), eq(people.employeeId, input.employeeId)))
        : [];
      // Names compared as the domain's normalizeName does: case-folded, whitespace collapsed.
      const byName = await db
        .selectDistinct({ id: people.id })
        .from(people)
        .innerJoin(employments, eq(employments.personId, people.id))
        .where(
          and(
            eq(people.campaignId, campaignId),
            eq(employments.worksiteId, input.worksiteId),
            sql`lower(regexp_replace(trim(${people.givenName} || ' ' || ${people.familyName}), '[[:space:]]+', ' ', 'g')) = ${input.name}`,
          ),
        );
      return { email: byEmail.map((r) => r.id), employee_id: byEmployeeId.map((r) => r.id), name_school: byName.map((r) => r.id) };
    },

    async findPerson(campaignId: string, personId: string) {
      const [row] = await db.select().from(people).where(and(eq(people.campaignId, campaignId), eq(people.id, personId)));
      return row;
    },

    async listPeople(campaignId: string, ids: readonly string[]) {
      if (ids.length === 0) return [];
      const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
      const rows = await db.execute<{ id: string; given_name: string; family_name: string; employee_id: string | null; worksite_name: string | null }>(sql`
        select p.id, p.given_name, p.family_name, p.employee_id,
          (select w.name from employments e join worksites w on w.id = e.worksite_id where e.person_id = p.id order by e.start_date desc limit 1) as worksite_name
        from people p where p.campaign_id = ${campaignId}::uuid and p.id in (${list})
        order by p.family_name, p.given_name`);
      return rows.rows.map((r) => ({ id: r.id, givenName: r.given_name, familyName: r.family_name, employeeId: r.employee_id, worksiteName: r.worksite_name }));
    },

    /** Inserts a card (and its scan) in one transaction. */
    async insertCard(card: NewCard, scan?: NewScan): Promise<CardRow> {
      const cipher = await keyring.cipher();
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(cards).values(sealCard(cipher, card)).returning();
        if (!row) throw new Error('insert returned nothing');
        if (scan) {
          await tx.insert(cardScans).values({ cardId: row.id, campaignId: row.campaignId, ...scan, filename: cipher.encryptText(scan.filename), bytes: cipher.encryptBytes(scan.bytes) });
        }
        return openCard(cipher, row);
      });
    },

    async setConfirmationMail(cardId: string, mailId: string): Promise<void> {
      await db.update(cards).set({ confirmationMailId: mailId }).where(and(eq(cards.id, cardId), sql`${cards.confirmationMailId} is null`));
    },

    async listCards(campaignId: string, filter: CardFilter): Promise<CardListRow[]> {
      const cipher = await keyring.cipher();
      if (filter.scope !== 'all' && filter.scope.length === 0) return [];
      const where: (SQL | undefined)[] = [eq(cards.campaignId, campaignId)];
      if (filter.scope !== 'all') where.push(inArray(cards.worksiteId, [...filter.scope]));
      if (filter.worksiteId) where.push(eq(cards.worksiteId, filter.worksiteId));
      if (filter.matchStatus === 'review') where.push(inArray(cards.matchStatus, ['unmatched', 'ambiguous']));
      else if (filter.matchStatus) where.push(eq(cards.matchStatus, filter.matchStatus));
      const rows = await db
        .select(listColumns)
        .from(cards)
        .leftJoin(cardRevocations, eq(cardRevocations.cardId, cards.id))
        .leftJoin(people, eq(people.id, cards.personId))
        .where(and(...where))
        .orderBy(desc(cards.signedOn), desc(cards.createdAt))
        .limit(filter.limit)
        .offset(filter.offset);
      return rows.map((row) => openCard(cipher, flatten(row)));
    },

    async findCard(campaignId: string, cardId: string): Promise<CardListRow | undefined> {
      const cipher = await keyring.cipher();
      const [row] = await db
        .select(listColumns)
        .from(cards)
        .leftJoin(cardRevocations, eq(cardRevocations.cardId, cards.id))
        .leftJoin(people, eq(people.id, cards.personId))
        .where(and(eq(cards.campaignId, campaignId), eq(cards.id, cardId)));
      return row ? openCard(cipher, flatten(row)) : undefined;
    },

    /** Every card of a campaign, for integrity checks (verify-cards). */
    async listAllForVerification(campaignId: string): Promise<CardRow[]> {
      const cipher = await keyring.cipher();
      const rows = await db.select().from(cards).where(eq(cards.campaignId, campaignId)).orderBy(asc(cards.createdAt));
      return rows.map((row) => openCard(cipher, row));
    },

    async findScan(campaignId: string, cardId: string) {
      const cipher = await keyring.cipher();
      const [row] = await db
        .select()
        .from(cardScans)
        .where(and(eq(cardScans.campaignId, campaignId), eq(cardScans.cardId, cardId)));
      return row ? { ...row, filename: cipher.decryptText(row.filename), bytes: cipher.decryptBytes(row.bytes) } : undefined;
    },

    async findScanMeta(campaignId: string, cardId: string) {
      const cipher = await keyring.cipher();
      const [row] = await db
        .select({ filename: cardScans.filename, contentType: cardScans.contentType, byteSize: cardScans.byteSize, sha256: cardScans.sha256, createdAt: cardScans.createdAt })
        .from(cardScans)
        .where(and(eq(cardScans.campaignId, campaignId), eq(cardScans.cardId, cardId)));
      return row ? { ...row, filename: cipher.decryptText(row.filename) } : undefined;
    },

    /** Records a revocation; false when the card was already revoked (one revocation per card). */
    async revoke(input: { cardId: string; campaignId: string; effectiveOn: string; reason: string; recordedBy: string | null }): Promise<boolean> {
      const rows = await db.insert(cardRevocations).values(input).onConflictDoNothing().returning({ id: cardRevocations.id });
      return rows.length > 0;
    },

    async setMatch(cardId: string, match: { personId: string | null; status: CardRow['matchStatus']; method: CardRow['matchMethod'] }): Promise<void> {
      await db.update(cards).set({ personId: match.personId, matchStatus: match.status, matchMethod: match.method }).where(eq(cards.id, cardId));
    },
  };
}

export type CardsRepository = ReturnType<typeof createCardsRepository>;
