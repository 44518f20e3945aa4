import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Keyring } from '../../crypto/keyring.js';
import type { CardState } from '../../vocabulary/cards.js';
import type { Language } from '../../vocabulary/languages.js';
import type { Executor } from '../client.js';
import type { FieldCipher } from '../../crypto/keyring.js';
import { openCard, openPersonLink, sealCard, sealPersonLink, type NewOpenCard, type OpenCard } from './card-sealing.js';
import { accounts, cardConfirmations, cardDismissals, cardRevocations, cards, cardScans, cardTextApprovals, cardTexts, cardVerifications, employers, employments, people, worksites } from '../schema/index.js';

export type CardTextRow = typeof cardTexts.$inferSelect & { approvedAt: Date | null; approvedBy: string | null };
export type CardRow = OpenCard;
export type NewCard = NewOpenCard;
export type NewScan = { filename: string; contentType: string; byteSize: number; sha256: string; bytes: Buffer };
export type WorksiteWithEmployer = { id: string; name: string; employerId: string; employerName: string };
export type EmployerRow = { id: string; name: string; emailDomains: string[] };

export type CardConfirmationRow = typeof cardConfirmations.$inferSelect;
export type CardVerificationRow = typeof cardVerifications.$inferSelect;
export type NewCardVerification = Omit<typeof cardVerifications.$inferInsert, 'personKey' | 'personRef' | 'legacyPersonId'> & { personId: string };

export type CardListRow = CardRow & {
  revokedOn: string | null;
  revocationReason: string | null;
  personName: string | null;
  hasScan: boolean;
  confirmation: { answer: CardConfirmationRow['answer']; method: CardConfirmationRow['method']; answeredAt: Date; note: string } | null;
  verification: { method: CardVerificationRow['method']; personId: string; verifiedAt: Date; verifiedByName: string | null; note: string } | null;
  dismissal: { reason: string; dismissedAt: Date } | null;
};

export type CardFilter = {
  /** 'all' or the worksites the caller may see (by the worksite on the card). */
  scope: 'all' | readonly string[];
  worksiteId?: string;
  matchStatus?: CardRow['matchStatus'] | 'review';
  state?: CardState;
  limit: number;
  offset: number;
};

const verifier = sql`(select ${accounts.name} from ${accounts} where ${accounts.id} = ${cardVerifications.verifiedBy})`;

const listColumns = {
  card: cards,
  revokedOn: cardRevocations.effectiveOn,
  revocationReason: cardRevocations.reason,
  hasScan: sql<boolean>`exists (select 1 from ${cardScans} where ${cardScans.cardId} = ${cards.id})`,
  confirmation: cardConfirmations,
  verification: cardVerifications,
  verifiedByName: sql<string | null>`${verifier}`,
  dismissal: cardDismissals,
};

type ListSelect = {
  card: typeof cards.$inferSelect;
  revokedOn: string | null;
  revocationReason: string | null;
  hasScan: boolean;
  confirmation: CardConfirmationRow | null;
  verification: CardVerificationRow | null;
  verifiedByName: string | null;
  dismissal: typeof cardDismissals.$inferSelect | null;
};

// The matched and verified people are opened from their sealed links (decision 0028); their names
// are read afterwards, by id (the database cannot join a card to its person).
function flatten(cipher: FieldCipher, row: ListSelect): CardListRow {
  const { confirmation: c, verification: v, dismissal: d } = row;
  return {
    ...openCard(cipher, row.card),
    revokedOn: row.revokedOn,
    revocationReason: cipher.decryptText(row.revocationReason),
    personName: null,
    hasScan: row.hasScan,
    confirmation: c ? { answer: c.answer, method: c.method, answeredAt: c.answeredAt, note: cipher.decryptText(c.note) } : null,
    verification: v ? { method: v.method, personId: openPersonLink(cipher, v) ?? '', verifiedAt: v.verifiedAt, verifiedByName: row.verifiedByName, note: cipher.decryptText(v.note) } : null,
    dismissal: d ? { reason: cipher.decryptText(d.reason), dismissedAt: d.dismissedAt } : null,
  };
}

/** The SQL form of the card states (src/domain/cards/card-state.ts gives the same from a row). */
function stateCondition(state: CardState): SQL | undefined {
  const undisputed = sql`${cardConfirmations.answer} is distinct from 'not_signed'`;
  const open = and(undisputed, isNull(cardVerifications.cardId), sql`${cards.matchStatus} <> 'dismissed'`);
  switch (state) {
    case 'disputed':
      return eq(cardConfirmations.answer, 'not_signed');
    case 'verified':
      return and(undisputed, isNotNull(cardVerifications.cardId));
    case 'dismissed':
      return and(undisputed, isNull(cardVerifications.cardId), eq(cards.matchStatus, 'dismissed'));
    case 'confirmed':
      return and(open, eq(cardConfirmations.answer, 'signed'));
    case 'submitted':
      return and(open, isNull(cardConfirmations.cardId));
  }
}

const approvedText = {
  text: cardTexts,
  approvedAt: cardTextApprovals.approvedAt,
  approvedBy: cardTextApprovals.approvedBy,
};
const toTextRow = (r: { text: typeof cardTexts.$inferSelect; approvedAt: Date | null; approvedBy: string | null }): CardTextRow => ({ ...r.text, approvedAt: r.approvedAt, approvedBy: r.approvedBy });

/** SQL: the accent-, case-, spacing- and punctuation-blind key of a name (migration 0012). */
const nameKey = (value: SQL): SQL => sql`unionhall_name_key(${value})`;

// Every card read carries its revocation, answer, verification and dismissal (each at most one
// row per card).
function selectCards(db: Executor) {
  return db
    .select(listColumns)
    .from(cards)
    .leftJoin(cardRevocations, eq(cardRevocations.cardId, cards.id))
    .leftJoin(cardConfirmations, eq(cardConfirmations.cardId, cards.id))
    .leftJoin(cardVerifications, eq(cardVerifications.cardId, cards.id))
    .leftJoin(cardDismissals, eq(cardDismissals.cardId, cards.id));
}

export function createCardsRepository(db: Executor, keyring: Keyring) {
  /** Fills in the names of the cards' matched people, read by id in one query. */
  async function withPersonNames(rows: CardListRow[]): Promise<CardListRow[]> {
    const ids = [...new Set(rows.map((r) => r.personId).filter((id): id is string => id !== null))];
    if (ids.length === 0) return rows;
    const names = await db
      .select({ id: people.id, name: sql<string>`${people.givenName} || ' ' || ${people.familyName}` })
      .from(people)
      .where(inArray(people.id, ids));
    const byId = new Map(names.map((n) => [n.id, n.name]));
    return rows.map((r) => ({ ...r, personName: r.personId === null ? null : (byId.get(r.personId) ?? null) }));
  }

  /**
   * Marks the worksites of a person dirty for the support counters, in this transaction: what the
   * triggers on cards did when cards named their person in clear (migration 0017).
   */
  async function markPersonDirty(personId: string | null): Promise<void> {
    if (personId === null) return;
    await db.execute(sql`select support_mark_dirty_for_people(array[${personId}::uuid])`);
  }

  async function personOfCard(cardId: string): Promise<string | null> {
    const [row] = await db.select({ personRef: cards.personRef, legacyPersonId: cards.legacyPersonId }).from(cards).where(eq(cards.id, cardId));
    return row ? openPersonLink(await keyring.cipher(), row) : null;
  }

  return {
    /** The text signers read in each language: the newest approved version of each. */
    async currentCardTexts(campaignId: string): Promise<CardTextRow[]> {
      const rows = await db
        .selectDistinctOn([cardTexts.language], approvedText)
        .from(cardTexts)
        .innerJoin(cardTextApprovals, eq(cardTextApprovals.cardTextId, cardTexts.id))
        .where(eq(cardTexts.campaignId, campaignId))
        .orderBy(cardTexts.language, desc(cardTexts.version));
      return rows.map(toTextRow);
    },
    async listCardTexts(campaignId: string): Promise<CardTextRow[]> {
      const rows = await db.select(approvedText).from(cardTexts).leftJoin(cardTextApprovals, eq(cardTextApprovals.cardTextId, cardTexts.id)).where(eq(cardTexts.campaignId, campaignId)).orderBy(desc(cardTexts.version));
      return rows.map(toTextRow);
    },
    async findCardText(campaignId: string, version: number): Promise<CardTextRow | undefined> {
      const [row] = await db
        .select(approvedText)
        .from(cardTexts)
        .leftJoin(cardTextApprovals, eq(cardTextApprovals.cardTextId, cardTexts.id))
        .where(and(eq(cardTexts.campaignId, campaignId), eq(cardTexts.version, version)));
      return row ? toTextRow(row) : undefined;
    },
    async findCardTextById(campaignId: string, id: string): Promise<CardTextRow | undefined> {
      const [row] = await db
        .select(approvedText)
        .from(cardTexts)
        .leftJoin(cardTextApprovals, eq(cardTextApprovals.cardTextId, cardTexts.id))
        .where(and(eq(cardTexts.campaignId, campaignId), eq(cardTexts.id, id)));
      return row ? toTextRow(row) : undefined;
    },
    /** Approves a text; false when it was approved already. */
    async approveCardText(input: { cardTextId: string; campaignId: string; approvedBy: string | null; approvedAt: Date }): Promise<boolean> {
      const rows = await db.insert(cardTextApprovals).values(input).onConflictDoNothing().returning({ id: cardTextApprovals.cardTextId });
      return rows.length > 0;
    },
    /** A new version; concurrent writers serialize on the campaign (unique version per campaign). */
    async createCardText(input: { campaignId: string; language: Language; title: string; body: string; createdBy: string | null }): Promise<CardTextRow> {
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
        return { ...row, approvedAt: null, approvedBy: null };
      });
    },

    async listEmployers(campaignId: string): Promise<EmployerRow[]> {
      return db.select({ id: employers.id, name: employers.name, emailDomains: employers.emailDomains }).from(employers).where(eq(employers.campaignId, campaignId)).orderBy(asc(employers.name));
    },
    async setEmployerEmailDomains(campaignId: string, employerId: string, domains: readonly string[]): Promise<EmployerRow | undefined> {
      const [row] = await db
        .update(employers)
        .set({ emailDomains: [...domains] })
        .where(and(eq(employers.campaignId, campaignId), eq(employers.id, employerId)))
        .returning({ id: employers.id, name: employers.name, emailDomains: employers.emailDomains });
      return row;
    },
    /** Every email domain any employer of the campaign controls. */
    async employerEmailDomains(campaignId: string): Promise<string[]> {
      const rows = await db.execute<{ domain: string }>(sql`select distinct unnest(email_domains) as domain from employers where campaign_id = ${campaignId}::uuid`);
      return rows.rows.map((r) => r.domain);
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
      // Names compared accent-, case-, spacing- and punctuation-blind, in either order ("Tomás
      // Sandoval" is "Sandoval, Tomas"); an empty key (a name of punctuation only) matches no one.
      const key = nameKey(sql`${input.name}`);
      const byName = await db
        .selectDistinct({ id: people.id })
        .from(people)
        .innerJoin(employments, eq(employments.personId, people.id))
        .where(
          and(
            eq(people.campaignId, campaignId),
            eq(employments.worksiteId, input.worksiteId),
            sql`${key} <> ''`,
            sql`(${nameKey(sql`${people.givenName} || ' ' || ${people.familyName}`)} = ${key} or ${nameKey(sql`${people.familyName} || ' ' || ${people.givenName}`)} = ${key})`,
          ),
        );
      return { email: byEmail.map((r) => r.id), employee_id: byEmployeeId.map((r) => r.id), name_school: byName.map((r) => r.id) };
    },

    /**
     * The roster people a name most likely belongs to, for the review queue: trigram similarity of
     * the accent-free words (pg_trgm), people at the card's school first. Never used to count.
     */
    async suggestPeople(campaignId: string, input: { name: string; worksiteId: string; limit: number }): Promise<{ id: string; similarity: number; sameSchool: boolean }[]> {
      const rows = await db.execute<{ id: string; similarity: number; same_school: boolean }>(sql`
        with q as (select unionhall_name_words(${input.name}) as words)
        select p.id, similarity(unionhall_name_words(p.given_name || ' ' || p.family_name), q.words)::float8 as similarity,
          exists (select 1 from employments e where e.person_id = p.id and e.worksite_id = ${input.worksiteId}::uuid) as same_school
        from people p, q
        where p.campaign_id = ${campaignId}::uuid and q.words <> ''
          and unionhall_name_words(p.given_name || ' ' || p.family_name) % q.words
        order by same_school desc, similarity desc, p.family_name, p.given_name
        limit ${input.limit}`);
      return rows.rows.map((r) => ({ id: r.id, similarity: Number(r.similarity), sameSchool: r.same_school }));
    },

    /** People whose personal email on file is this address (case-blind). */
    async findPeopleByPersonalEmail(campaignId: string, email: string): Promise<string[]> {
      const rows = await db
        .select({ id: people.id })
        .from(people)
        .where(and(eq(people.campaignId, campaignId), sql`lower(${people.personalEmail}) = lower(${email})`));
      return rows.map((r) => r.id);
    },

    /** The worksites a person has worked at (any employment), for committee members' scope. */
    async personWorksiteIds(campaignId: string, personId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ id: employments.worksiteId })
        .from(employments)
        .where(and(eq(employments.campaignId, campaignId), eq(employments.personId, personId)));
      return rows.map((r) => r.id);
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
      const link = await keyring.link();
      return db.transaction(async (tx) => {
        const [row] = await tx.insert(cards).values(sealCard(cipher, link, card)).returning();
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
      if (filter.state) where.push(stateCondition(filter.state));
      const rows = await selectCards(db)
        .where(and(...where))
        .orderBy(desc(cards.signedOn), desc(cards.createdAt))
        .limit(filter.limit)
        .offset(filter.offset);
      return withPersonNames(rows.map((row) => flatten(cipher, row)));
    },

    async findCard(campaignId: string, cardId: string): Promise<CardListRow | undefined> {
      const cipher = await keyring.cipher();
      const [row] = await selectCards(db).where(and(eq(cards.campaignId, campaignId), eq(cards.id, cardId)));
      return row ? (await withPersonNames([flatten(cipher, row)]))[0] : undefined;
    },

    /** The card a confirmation link points at (by the SHA-256 of its secret). */
    async findCardByTokenHash(campaignId: string, tokenHash: string): Promise<CardListRow | undefined> {
      const cipher = await keyring.cipher();
      const [row] = await selectCards(db).where(and(eq(cards.campaignId, campaignId), eq(cards.confirmationTokenHash, tokenHash)));
      return row ? (await withPersonNames([flatten(cipher, row)]))[0] : undefined;
    },

    /** Records the signer's answer (its note and address sealed); false when the card already has one. A "no" stops a card counting. */
    async insertConfirmation(input: typeof cardConfirmations.$inferInsert): Promise<boolean> {
      const cipher = await keyring.cipher();
      const sealed = { ...input, note: cipher.encryptText(input.note ?? ''), ip: cipher.encryptText(input.ip ?? null) };
      const rows = await db.insert(cardConfirmations).values(sealed).onConflictDoNothing().returning({ id: cardConfirmations.cardId });
      if (rows.length > 0 && input.answer === 'not_signed') await markPersonDirty(await personOfCard(input.cardId));
      return rows.length > 0;
    },
    /** Records a verification (the person keyed, decision 0028); false when the card was verified already. */
    async insertVerification(input: NewCardVerification): Promise<boolean> {
      const { personId, ...rest } = input;
      const cipher = await keyring.cipher();
      const link = sealPersonLink(cipher, await keyring.link(), personId);
      const rows = await db
        .insert(cardVerifications)
        .values({ ...rest, ...link, note: cipher.encryptText(rest.note ?? '') })
        .onConflictDoNothing()
        .returning({ id: cardVerifications.cardId });
      if (rows.length > 0) await markPersonDirty(personId);
      return rows.length > 0;
    },
    /** Records a dismissal (its reason sealed); false when the card was dismissed already. */
    async insertDismissal(input: typeof cardDismissals.$inferInsert): Promise<boolean> {
      const reason = (await keyring.cipher()).encryptText(input.reason);
      const rows = await db.insert(cardDismissals).values({ ...input, reason }).onConflictDoNothing().returning({ id: cardDismissals.cardId });
      return rows.length > 0;
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

    /** Records a revocation (its reason sealed); false when the card was already revoked (one revocation per card). */
    async revoke(input: { cardId: string; campaignId: string; effectiveOn: string; reason: string; recordedBy: string | null }): Promise<boolean> {
      const reason = (await keyring.cipher()).encryptText(input.reason);
      const rows = await db.insert(cardRevocations).values({ ...input, reason }).onConflictDoNothing().returning({ id: cardRevocations.id });
      if (rows.length > 0) await markPersonDirty(await personOfCard(input.cardId));
      return rows.length > 0;
    },

    /**
     * Keys up to `limit` links written in clear before decision 0028 (cards first, then
     * verifications, then ratings): one UPDATE per table per batch, the pseudonyms and sealed ids
     * computed here.
     * Returns how many rows it keyed; 0 when none is left.
     */
    async keyLegacyLinks(limit: number): Promise<number> {
      // Nothing to key (every start after the first): the keys are not even loaded, so a start
      // does not depend on them until a command needs them.
      const pending = await db.execute<{ any: boolean }>(
        sql`select exists (select 1 from cards where person_id is not null) or exists (select 1 from card_verifications where person_id is not null)
              or exists (select 1 from assessments where person_id is not null) as any`,
      );
      if (pending.rows[0]?.any !== true) return 0;
      const cipher = await keyring.cipher();
      const link = await keyring.link();
      let keyed = 0;
      for (const table of ['cards', 'card_verifications', 'assessments'] as const) {
        const idColumn = table === 'card_verifications' ? 'card_id' : 'id';
        const idType = table === 'assessments' ? 'bigint[]' : 'uuid[]';
        const found = await db.execute<{ id: string; person_id: string }>(
          sql`select ${sql.raw(idColumn)} as id, person_id from ${sql.raw(table)} where person_id is not null limit ${limit - keyed}`,
        );
        if (found.rows.length === 0) continue;
        const ids = found.rows.map((r) => r.id);
        const keys = found.rows.map((r) => link.pseudonymOf(r.person_id));
        const refs = found.rows.map((r) => cipher.encryptText(r.person_id));
        await db.execute(sql`
          update ${sql.raw(table)} t set person_key = k.person_key, person_ref = k.person_ref, person_id = null
          from unnest(${sql.param(ids)}::${sql.raw(idType)}, ${sql.param(keys)}::bytea[], ${sql.param(refs)}::text[]) as k(id, person_key, person_ref)
          where t.${sql.raw(idColumn)} = k.id and t.person_id is not null`);
        keyed += found.rows.length;
        if (keyed >= limit) break;
      }
      return keyed;
    },

    /**
     * Seals up to `limit` notes, reasons and answer addresses written in clear before decision 0046
     * (found through the partial indexes of src/db/schema/cards.ts), one UPDATE per table per
     * batch. Returns how many rows it sealed; 0 when none is left.
     */
    async sealLegacyNotes(limit: number): Promise<number> {
      const clear = (column: string) => sql.raw(`(${column} <> '' and ${column} not like 'uh1.%')`);
      const tables = [
        { table: 'card_verifications', id: 'card_id', fields: ['note'] },
        { table: 'card_confirmations', id: 'card_id', fields: ['note', 'ip'] },
        { table: 'card_dismissals', id: 'card_id', fields: ['reason'] },
        { table: 'card_revocations', id: 'id', fields: ['reason'] },
      ] as const;
      const pending = await db.execute<{ any: boolean }>(
        sql`select ${sql.join(
          tables.map((x) => sql`exists (select 1 from ${sql.raw(x.table)} where ${sql.join(x.fields.map(clear), sql` or `)})`),
          sql` or `,
        )} as any`,
      );
      if (pending.rows[0]?.any !== true) return 0;
      const cipher = await keyring.cipher();
      // A clear value stays as it is when it is empty (it says nothing) or already sealed.
      const seal = (value: string | null): string | null => (value === null || value === '' || value.startsWith('uh1.') ? value : cipher.encryptText(value));
      let sealed = 0;
      for (const x of tables) {
        const [first, second] = x.fields;
        const found = await db.execute<{ id: string; a: string | null; b: string | null }>(
          sql`select ${sql.raw(x.id)} as id, ${sql.raw(first)} as a, ${second === undefined ? sql`null` : sql.raw(second)} as b from ${sql.raw(x.table)}
              where ${sql.join(x.fields.map(clear), sql` or `)} limit ${limit - sealed}`,
        );
        if (found.rows.length === 0) continue;
        const ids = found.rows.map((r) => r.id);
        const as = found.rows.map((r) => seal(r.a));
        const bs = found.rows.map((r) => seal(r.b));
        await db.execute(sql`
          update ${sql.raw(x.table)} t set ${sql.raw(first)} = k.a${second === undefined ? sql`` : sql`, ${sql.raw(second)} = k.b`}
          from unnest(${sql.param(ids)}::uuid[], ${sql.param(as)}::text[], ${sql.param(bs)}::text[]) as k(id, a, b)
          where t.${sql.raw(x.id)} = k.id`);
        sealed += found.rows.length;
        if (sealed >= limit) break;
      }
      return sealed;
    },

    /** The organizers' reading of a card: its person keyed (decision 0028). A card counts only once verified, so no counter moves here. */
    async setMatch(cardId: string, match: { personId: string | null; status: CardRow['matchStatus']; method: CardRow['matchMethod'] }): Promise<void> {
      const link = sealPersonLink(await keyring.cipher(), await keyring.link(), match.personId);
      await db.update(cards).set({ ...link, matchStatus: match.status, matchMethod: match.method }).where(eq(cards.id, cardId));
    },
  };
}

export type CardsRepository = ReturnType<typeof createCardsRepository>;
