import type pg from 'pg';

/** The pool's connections right now: open, idle, and requests waiting for one. */
export function poolStats(pool: pg.Pool): { total: number; idle: number; waiting: number } {
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount };
}

/**
 * Messages the outbox still has to send over SMTP (due, or being sent), and how many of them
 * failed their last attempt: what an operator watches to see mail piling up. Both read the partial
 * index of due messages, never the whole table.
 */
export async function outboxStats(pool: pg.Pool): Promise<{ pending: number; retrying: number }> {
  const { rows } = await pool.query<{ pending: number; retrying: number }>({
    name: 'outbox_stats_v1',
    text: `select count(*)::int as pending, count(*) filter (where error is not null)::int as retrying
             from mail_messages where sent_at is null and next_attempt_at is not null`,
  });
  return rows[0] ?? { pending: 0, retrying: 0 };
}
