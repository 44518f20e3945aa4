import { sql } from 'drizzle-orm';
import type { Executor } from '../client.js';

/**
 * The counts behind the dashboard's "today" list (issue 12): no one is named. Cards are grouped by
 * their keyed person link itself (decision 0028): equal people have equal pseudonyms, so no
 * pseudonym is computed here.
 */
export function createTodayRepository(db: Executor) {
  return {
    /**
     * People whose newest verified, unrevoked card stops being valid between `from` (exclusive:
     * still valid on that day) and `to` (inclusive), with `validityMonths` of validity.
     */
    async cardsExpiring(campaignId: string, from: string, to: string, validityMonths: number): Promise<number> {
      const found = await db.execute<{ n: number }>(sql`
        select count(*)::int n from (
          select max(c.signed_on) newest
          from cards c join card_verifications v on v.card_id = c.id
          left join card_revocations r on r.card_id = c.id and r.effective_on <= ${from}::date
          where c.campaign_id = ${campaignId}::uuid and c.signed_on <= ${from}::date and r.card_id is null
            and not exists (select 1 from card_confirmations a where a.card_id = c.id and a.answer = 'not_signed')
          group by coalesce(v.person_key, uuid_send(v.person_id))
        ) p
        where (p.newest + make_interval(months => ${validityMonths}::int))::date > ${from}::date
          and (p.newest + make_interval(months => ${validityMonths}::int))::date <= ${to}::date`);
      return found.rows[0]?.n ?? 0;
    },

    /** Messages of the campaign held in the outbox, never handed to a mail server, and how many are card confirmations. */
    async mailHeld(campaignId: string): Promise<{ messages: number; cardConfirmations: number }> {
      const found = await db.execute<{ messages: number; confirmations: number }>(sql`
        select count(*)::int messages, count(*) filter (where kind = 'card_confirmation')::int confirmations
        from mail_messages where campaign_id = ${campaignId}::uuid and transport = 'outbox' and sent_at is null`);
      const r = found.rows[0];
      return { messages: r?.messages ?? 0, cardConfirmations: r?.confirmations ?? 0 };
    },
  };
}

export type TodayRepository = ReturnType<typeof createTodayRepository>;
