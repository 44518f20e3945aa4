import { asc, eq, isNull } from 'drizzle-orm';
import type { Executor } from '../client.js';
import { dataKeys } from '../schema/index.js';

/** The wrapped data keys of field encryption (decision 0025). Only wrapped keys ever reach SQL. */
export function createDataKeysRepository(db: Executor) {
  return {
    async list() {
      return db.select().from(dataKeys).orderBy(asc(dataKeys.createdAt));
    },
    async insert(wrappedKey: Buffer): Promise<string> {
      const [row] = await db.insert(dataKeys).values({ wrappedKey }).returning({ id: dataKeys.id });
      if (!row) throw new Error('insert returned nothing');
      return row.id;
    },
    async rewrap(id: string, wrappedKey: Buffer): Promise<void> {
      await db.update(dataKeys).set({ wrappedKey }).where(eq(dataKeys.id, id));
    },
    /** Retires every current key: the next key created encrypts from then on; retired ones still decrypt. */
    async retireCurrent(at: Date): Promise<void> {
      await db.update(dataKeys).set({ retiredAt: at }).where(isNull(dataKeys.retiredAt));
    },
  };
}

export type DataKeysRepository = ReturnType<typeof createDataKeysRepository>;
