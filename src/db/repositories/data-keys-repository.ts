import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { dataKeys } from '../schema/index.js';

/** The wrapped data keys of field encryption (decision 0025) and the link key (0028). Only wrapped keys ever reach SQL. */
export function createDataKeysRepository(db: Executor) {
  return {
    /** Every key, field keys and the link key. */
    async list() {
      return db.select().from(dataKeys).orderBy(asc(dataKeys.createdAt));
    },
    async insert(wrappedKey: Buffer): Promise<string> {
      const [row] = await db.insert(dataKeys).values({ wrappedKey }).returning({ id: dataKeys.id });
      if (!row) throw new Error('insert returned nothing');
      return row.id;
    },
    /** The one link key, created by the first caller (a unique index settles a race between processes). */
    async findOrInsertLinkKey(wrappedKey: Buffer): Promise<Buffer> {
      await db.insert(dataKeys).values({ wrappedKey, purpose: 'link' }).onConflictDoNothing();
      const [row] = await db.select({ wrappedKey: dataKeys.wrappedKey }).from(dataKeys).where(eq(dataKeys.purpose, 'link'));
      if (!row) throw new Error('no link key after insert');
      return row.wrappedKey;
    },
    async rewrap(id: string, wrappedKey: Buffer): Promise<void> {
      await db.update(dataKeys).set({ wrappedKey }).where(eq(dataKeys.id, id));
    },
    /** Retires every current field key: the next key created encrypts from then on; retired ones still decrypt. The link key is never retired. */
    async retireCurrent(at: Date): Promise<void> {
      await db.update(dataKeys).set({ retiredAt: at }).where(and(isNull(dataKeys.retiredAt), eq(dataKeys.purpose, 'field')));
    },
  };
}

export type DataKeysRepository = ReturnType<typeof createDataKeysRepository>;
