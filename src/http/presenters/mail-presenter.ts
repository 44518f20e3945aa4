import type { OutboxMessage } from '../../contracts/accounts.js';
import type { MailRow } from '../../db/repositories/mail-repository.js';

export function presentMail(row: MailRow): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    transport: row.transport,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    error: row.error,
    attempts: row.attempts,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
  };
}
