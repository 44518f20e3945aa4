import nodemailer, { type Transporter } from 'nodemailer';
import type { MailRepository } from '../db/repositories/mail-repository.js';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  kind: string; // 'password_reset', 'welcome', 'card_confirmation', …
  campaignId?: string | null;
  /** Extra headers, e.g. List-Unsubscribe and List-Unsubscribe-Post (RFC 8058) on newsletters. */
  headers?: Record<string, string>;
};

export type Mailer = {
  send: (mail: OutgoingMail) => Promise<{ id: string; delivered: boolean }>;
  /**
   * Sends a message whose mail_messages row was already written by the caller (in the caller's own
   * transaction, e.g. the petition's group commit). Without SMTP the row is the outbox: nothing to do.
   */
  deliverRecorded?: (id: string, mail: Pick<OutgoingMail, 'to' | 'subject' | 'text' | 'headers'>) => Promise<boolean>;
  close: () => void;
};

// Every message is written to mail_messages before it is sent: with SMTP that row is the
// transmission log (when, to where, what); without SMTP it is the outbox admins read in /app,
// so password resets and the demo work on a machine with no mail server.
export function createMailer(options: { smtpUrl: string | undefined; from: string; repository: MailRepository; now?: () => Date }): Mailer {
  const now = options.now ?? (() => new Date());
  const transport: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null;
  async function deliver(id: string, mail: Pick<OutgoingMail, 'to' | 'subject' | 'text' | 'headers'>): Promise<boolean> {
    if (!transport) return false;
    try {
      const info = await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers });
      await options.repository.markSent(id, typeof info.messageId === 'string' ? info.messageId : null, now());
      return true;
    } catch (err) {
      // The row stays, with the reason: a failed confirmation must be visible, not lost.
      await options.repository.markFailed(id, err instanceof Error ? err.message : String(err));
      return false;
    }
  }
  return {
    async send(mail) {
      const row = await options.repository.record({
        campaignId: mail.campaignId ?? null,
        kind: mail.kind,
        toAddress: mail.to,
        subject: mail.subject,
        textBody: mail.text,
        transport: transport ? 'smtp' : 'outbox',
      });
      return { id: row.id, delivered: await deliver(row.id, mail) };
    },
    deliverRecorded: deliver,
    close() {
      transport?.close();
    },
  };
}
