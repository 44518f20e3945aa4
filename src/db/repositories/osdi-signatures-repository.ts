import { and, asc, count, eq, gt, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { petitionSignatures } from '../schema/index.js';
import type { SignatureDetails } from '../schema/petitions.js';
import type { OsdiCondition } from '../../vocabulary/osdi-filter.js';
import type { SignatureRow } from './petitions-repository.js';

const DAY_MS = 86_400_000;

function conditionSql(c: OsdiCondition): SQL | undefined {
  if (c.kind === 'text') {
    if (c.field === 'email') return sql`lower(${petitionSignatures.email}) = ${c.value.toLowerCase()}`;
    // Our own id is an identifier too (`unionhall:<id>`).
    const own = /^unionhall:([0-9a-f-]{36})$/i.exec(c.value)?.[1];
    return own ? eq(petitionSignatures.id, own) : sql`${petitionSignatures.identifiers} @> array[${c.value}]::text[]`;
  }
  const column = c.field === 'created_date' ? petitionSignatures.createdAt : petitionSignatures.updatedAt;
  if (c.op === 'gt') return gt(column, c.value);
  if (c.op === 'lt') return lt(column, c.value);
  // eq on a date: that whole day (UTC), which is what a client writing `eq '2014-03-25'` means.
  return and(gte(column, c.value), lt(column, new Date(c.value.getTime() + DAY_MS)));
}

export type VouchedSignature = {
  petitionId: string;
  givenName: string;
  familyName: string;
  email: string;
  postalCode: string | null;
  city: string | null;
  comment: string | null;
  details: SignatureDetails;
  identifiers: string[];
  originSystem: string;
  at: Date;
};

// The OSDI API's reads and keyed writes of petition signatures (decision 0029). The public
// helper's unauthenticated writes go through the group commit (signature-writer.ts) instead.
export function createOsdiSignaturesRepository(db: Executor) {
  return {
    async page(petitionId: string, conditions: OsdiCondition[], limit: number, offset: number): Promise<{ total: number; rows: SignatureRow[] }> {
      const where = and(eq(petitionSignatures.petitionId, petitionId), ...conditions.map(conditionSql));
      const [counted] = await db.select({ n: count() }).from(petitionSignatures).where(where);
      const rows = await db.select().from(petitionSignatures).where(where).orderBy(asc(petitionSignatures.createdAt), asc(petitionSignatures.id)).limit(limit).offset(offset);
      return { total: counted?.n ?? 0, rows };
    },

    async find(petitionId: string, signatureId: string): Promise<SignatureRow | undefined> {
      const [row] = await db.select().from(petitionSignatures).where(and(eq(petitionSignatures.petitionId, petitionId), eq(petitionSignatures.id, signatureId)));
      return row;
    },

    /** The same signer again: by a foreign id they were given before, else by email. */
    async findMatch(petitionId: string, email: string, identifiers: string[]): Promise<SignatureRow | undefined> {
      if (identifiers.length > 0) {
        const [byId] = await db
          .select()
          .from(petitionSignatures)
          .where(and(eq(petitionSignatures.petitionId, petitionId), sql`${petitionSignatures.identifiers} && ${sql.param(identifiers)}::text[]`))
          .limit(1);
        if (byId) return byId;
      }
      const [byEmail] = await db
        .select()
        .from(petitionSignatures)
        .where(and(eq(petitionSignatures.petitionId, petitionId), sql`lower(${petitionSignatures.email}) = ${email.toLowerCase()}`));
      return byEmail;
    },

    /** A signature its source vouches for: confirmed at once, with the origin recorded. */
    async insertVouched(id: string, s: VouchedSignature): Promise<SignatureRow> {
      const [row] = await db
        .insert(petitionSignatures)
        .values({
          id,
          petitionId: s.petitionId,
          givenName: s.givenName,
          familyName: s.familyName,
          email: s.email,
          postalCode: s.postalCode,
          city: s.city,
          relationship: 'other',
          comment: s.comment,
          showPublicly: false,
          status: 'confirmed',
          createdAt: s.at,
          confirmedAt: s.at,
          updatedAt: s.at,
          source: 'api',
          details: s.details,
          identifiers: s.identifiers,
          originSystem: s.originSystem,
        })
        .returning();
      if (!row) throw new Error('insert returned nothing');
      return row;
    },

    /**
     * Updates a match with what was sent: given fields replace, details merge, identifiers add up.
     * A held signature stays held (a reviewer decides); any other becomes confirmed.
     */
    async updateVouched(existing: SignatureRow, s: VouchedSignature): Promise<SignatureRow> {
      const [row] = await db
        .update(petitionSignatures)
        .set({
          givenName: s.givenName || existing.givenName,
          familyName: s.familyName || existing.familyName,
          email: s.email,
          postalCode: s.postalCode ?? existing.postalCode,
          city: s.city ?? existing.city,
          comment: s.comment ?? existing.comment,
          details: { ...existing.details, ...s.details },
          identifiers: [...new Set([...existing.identifiers, ...s.identifiers])],
          originSystem: s.originSystem,
          status: existing.status === 'held_for_review' ? 'held_for_review' : 'confirmed',
          confirmedAt: existing.confirmedAt ?? s.at,
          updatedAt: s.at,
        })
        .where(eq(petitionSignatures.id, existing.id))
        .returning();
      if (!row) throw new Error('update returned nothing');
      return row;
    },
  };
}
