import { and, asc, eq, isNotNull, lte, sql } from 'drizzle-orm';
import type { Keyring } from '../../crypto/keyring.js';
import type { Executor } from '../client.js';
import type { VerificationMethod } from '../../vocabulary/cards.js';
import type { Language } from '../../vocabulary/languages.js';
import { openCard, type OpenCard } from './card-sealing.js';
import { bargainingUnits, cardConfirmations, cardRevocations, cards, cardTexts, cardVerifications, employers, employments, mailMessages, people, worksites } from '../schema/index.js';

export type FilingEmploymentRow = {
  id: string;
  personId: string;
  worksiteId: string;
  unitId: string | null;
  startDate: string;
  endDate: string | null;
  jobTitle: string;
  worksiteName: string;
  employerName: string;
  givenName: string;
  familyName: string;
  employeeId: string | null;
};

export type FilingCardRow = OpenCard & {
  revokedOn: string | null;
  revocationReason: string | null;
  confirmation: { id: string; toAddress: string; subject: string; transport: 'smtp' | 'outbox'; messageId: string | null; createdAt: Date; sentAt: Date | null; error: string | null } | null;
  signerAnswer: { answer: 'signed' | 'not_signed'; method: 'link' | 'reply'; answeredAt: Date } | null;
  verification: { method: VerificationMethod; verifiedAt: Date } | null;
  textLanguage: Language;
};

// What a filing packet reads: one unit's employments and the campaign's cards up to the filing
// date, with their revocations and confirmation messages. Read-only.
export function createFilingRepository(db: Executor, keyring: Keyring) {
  return {
    async findUnit(campaignId: string, unitId: string) {
      const [row] = await db
        .select()
        .from(bargainingUnits)
        .where(and(eq(bargainingUnits.campaignId, campaignId), eq(bargainingUnits.id, unitId)));
      return row;
    },

    async findWorksite(campaignId: string, worksiteId: string) {
      const [row] = await db
        .select({ id: worksites.id, name: worksites.name, employerName: employers.name })
        .from(worksites)
        .innerJoin(employers, eq(employers.id, worksites.employerId))
        .where(and(eq(worksites.campaignId, campaignId), eq(worksites.id, worksiteId)));
      return row;
    },

    /**
     * The unit's employments that have started by the date (the domain picks who counts, with the
     * majority math's own rule), with the person and the school. Ended ones are read too: the rule
     * decides, not the query.
     */
    async unitEmployments(campaignId: string, unitId: string, asOf: string): Promise<FilingEmploymentRow[]> {
      return db
        .select({
          id: employments.id,
          personId: employments.personId,
          worksiteId: employments.worksiteId,
          unitId: employments.unitId,
          startDate: employments.startDate,
          endDate: employments.endDate,
          jobTitle: employments.jobTitle,
          worksiteName: worksites.name,
          employerName: employers.name,
          givenName: people.givenName,
          familyName: people.familyName,
          employeeId: people.employeeId,
        })
        .from(employments)
        .innerJoin(people, eq(people.id, employments.personId))
        .innerJoin(worksites, eq(worksites.id, employments.worksiteId))
        .innerJoin(employers, eq(employers.id, worksites.employerId))
        .where(and(eq(employments.campaignId, campaignId), eq(employments.unitId, unitId), lte(employments.startDate, asOf), isNotNull(employments.unitId)));
    },

    /** The worksites where this unit has ever had anyone (whose stray cards belong in its packet). */
    async unitWorksiteIds(campaignId: string, unitId: string): Promise<string[]> {
      const rows = await db
        .selectDistinct({ id: employments.worksiteId })
        .from(employments)
        .where(and(eq(employments.campaignId, campaignId), eq(employments.unitId, unitId)));
      return rows.map((r) => r.id);
    },

    /**
     * Every card signed on or before the date, with its revocation, its confirmation message and
     * the signer's answer to it, its verification and the language of its text.
     */
    async cardsSignedBy(campaignId: string, asOf: string): Promise<FilingCardRow[]> {
      const cipher = await keyring.cipher();
      const rows = await db
        .select({
          card: cards,
          revokedOn: cardRevocations.effectiveOn,
          revocationReason: cardRevocations.reason,
          mail: mailMessages,
          answer: cardConfirmations,
          verification: cardVerifications,
          textLanguage: cardTexts.language,
        })
        .from(cards)
        .innerJoin(cardTexts, eq(cardTexts.id, cards.cardTextId))
        .leftJoin(cardRevocations, eq(cardRevocations.cardId, cards.id))
        .leftJoin(mailMessages, eq(mailMessages.id, cards.confirmationMailId))
        .leftJoin(cardConfirmations, eq(cardConfirmations.cardId, cards.id))
        .leftJoin(cardVerifications, eq(cardVerifications.cardId, cards.id))
        .where(and(eq(cards.campaignId, campaignId), sql`${cards.signedOn} <= ${asOf}::date`))
        .orderBy(asc(cards.signedOn), asc(cards.createdAt), asc(cards.id));
      return rows.map((r) => ({
        ...openCard(cipher, r.card),
        revokedOn: r.revokedOn,
        revocationReason: cipher.decryptText(r.revocationReason),
        confirmation: r.mail
          ? { id: r.mail.id, toAddress: cipher.decryptText(r.mail.toAddress), subject: cipher.decryptText(r.mail.subject), transport: r.mail.transport, messageId: r.mail.messageId, createdAt: r.mail.createdAt, sentAt: r.mail.sentAt, error: r.mail.error }
          : null,
        signerAnswer: r.answer ? { answer: r.answer.answer, method: r.answer.method, answeredAt: r.answer.answeredAt } : null,
        verification: r.verification ? { method: r.verification.method, verifiedAt: r.verification.verifiedAt } : null,
        textLanguage: r.textLanguage,
      }));
    },
  };
}

export type FilingRepository = ReturnType<typeof createFilingRepository>;
