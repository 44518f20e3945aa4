import type { cards, mailMessages } from '../../src/db/schema/index.js';
import { openCard, type OpenCard } from '../../src/db/repositories/card-sealing.js';
import type { Services } from '../../src/domain/create-services.js';

type CardRow = typeof cards.$inferSelect;
type MailRow = typeof mailMessages.$inferSelect;

/** Rows read straight from the tables, decrypted as the app would (decision 0022): tests look at what was stored. */
export async function openCards(services: Pick<Services, 'keyring'>, rows: CardRow[]): Promise<OpenCard[]> {
  const cipher = await services.keyring.cipher();
  return rows.map((row) => openCard(cipher, row));
}

export async function openMail(services: Pick<Services, 'keyring'>, rows: MailRow[]): Promise<MailRow[]> {
  const cipher = await services.keyring.cipher();
  return rows.map((row) => ({ ...row, toAddress: cipher.decryptText(row.toAddress), subject: cipher.decryptText(row.subject), textBody: cipher.decryptText(row.textBody) }));
}
