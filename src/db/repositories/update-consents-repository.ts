import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Keyring } from '../../crypto/keyring.js';
import type { Executor } from '../client.js';
import { updateConsents } from '../schema/index.js';
import type { Language } from '../../vocabulary/languages.js';
import type { UpdateConsentSource } from '../../vocabulary/public-site.js';

/** A consent as the domain sees it: address and person opened. */
export type UpdateConsentRow = {
  id: string;
  campaignId: string;
  address: string;
  personId: string | null;
  lang: Language;
  source: UpdateConsentSource;
  givenOn: string;
  createdAt: Date;
  withdrawnAt: Date | null;
};

export type NewUpdateConsent = { campaignId: string; address: string; personId: string | null; lang: Language; source: UpdateConsentSource; givenOn: string; recordedBy: string | null };

/**
 * Educators' consents to updates at a personal address (decision 0042). The address and the
 * person are sealed at rest (a consent given on a card names a card signer); they are opened here,
 * so the domain never handles ciphertext.
 */
export function createUpdateConsentsRepository(db: Executor, keyring: Keyring) {
  return {
    async record(input: NewUpdateConsent): Promise<UpdateConsentRow> {
      const cipher = await keyring.cipher();
      const [row] = await db
        .insert(updateConsents)
        .values({ ...input, address: cipher.encryptText(input.address.toLowerCase()), personRef: cipher.encryptText(input.personId) })
        .returning({ id: updateConsents.id, createdAt: updateConsents.createdAt });
      if (!row) throw new Error('insert returned nothing');
      return { ...input, address: input.address.toLowerCase(), id: row.id, createdAt: row.createdAt, withdrawnAt: null };
    },
    /** The consents not withdrawn, oldest first (the first consent for an address is the one kept). */
    async listActive(campaignId: string): Promise<UpdateConsentRow[]> {
      const cipher = await keyring.cipher();
      const rows = await db
        .select()
        .from(updateConsents)
        .where(and(eq(updateConsents.campaignId, campaignId), isNull(updateConsents.withdrawnAt)))
        .orderBy(asc(updateConsents.createdAt), asc(updateConsents.id));
      return rows.map((r) => ({
        id: r.id,
        campaignId: r.campaignId,
        address: cipher.decryptText(r.address),
        personId: cipher.decryptText(r.personRef),
        lang: r.lang,
        source: r.source,
        givenOn: r.givenOn,
        createdAt: r.createdAt,
        withdrawnAt: r.withdrawnAt,
      }));
    },
    /** Withdraws every active consent of the campaign for this address (an unsubscribe). Returns how many. */
    async withdrawAddress(campaignId: string, address: string, at: Date): Promise<number> {
      const wanted = address.toLowerCase();
      let count = 0;
      // The address is sealed with a random nonce, so it cannot be matched in SQL: open and compare.
      for (const row of await this.listActive(campaignId)) {
        if (row.address !== wanted) continue;
        await db.update(updateConsents).set({ withdrawnAt: at }).where(eq(updateConsents.id, row.id));
        count++;
      }
      return count;
    },
  };
}

export type UpdateConsentsRepository = ReturnType<typeof createUpdateConsentsRepository>;
