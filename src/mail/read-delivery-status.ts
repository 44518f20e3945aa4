import { simpleParser, type MailParserOptions } from 'mailparser';

export type DeliveryStatusRecipient = {
  /** The address the report is about (Final-Recipient, or Original-Recipient), lower case. */
  address: string;
  /** RFC 3464 Action: failed, delayed, delivered, relayed, expanded. */
  action: string;
  /** RFC 3463 status code, e.g. "5.1.1"; the first digit 5 is a permanent failure. */
  status: string;
  diagnostic: string;
};

export type DeliveryStatusReport = {
  /** The Message-ID of the message that bounced, from the returned message or its headers (without < >). */
  originalMessageId: string | null;
  recipients: DeliveryStatusRecipient[];
};

// mailparser reads a message/delivery-status part into the text unless asked to keep it apart;
// its type definitions do not name the option yet.
const keepDeliveryStatus = { keepDeliveryStatus: true } as MailParserOptions;

const typeValue = (value: string): string => value.replace(/^[^;]*;\s*/u, '').trim();

/** The fields of one block of a delivery-status part: header lines, unfolded by the mail parser. */
async function readFields(block: string): Promise<Map<string, string>> {
  const parsed = await simpleParser(`${block.trim()}\r\n\r\n`);
  const fields = new Map<string, string>();
  for (const line of parsed.headerLines) fields.set(line.key, line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/gu, ' ').trim());
  return fields;
}

/**
 * Reads a bounce: a delivery status notification (RFC 3464), the multipart/report a receiving
 * server mails back when it could not deliver a message it had accepted. Returns null when the
 * message is not one (an out-of-office reply, a person writing to the bounce address).
 */
export async function readDeliveryStatus(raw: Buffer | string): Promise<DeliveryStatusReport | null> {
  const mail = await simpleParser(raw, keepDeliveryStatus);
  const status = mail.attachments.find((a) => a.contentType.toLowerCase() === 'message/delivery-status');
  if (!status) return null;
  // The per-message block comes first, then one block per recipient (RFC 3464 section 2.1).
  const blocks = status.content.toString('utf8').replace(/\r\n/gu, '\n').split(/\n\s*\n/u).filter((b) => b.trim() !== '');
  const recipients: DeliveryStatusRecipient[] = [];
  for (const block of blocks.slice(1)) {
    const fields = await readFields(block);
    const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
    if (!recipient) continue;
    recipients.push({
      address: typeValue(recipient).replace(/^<|>$/gu, '').toLowerCase(),
      action: (fields.get('action') ?? '').toLowerCase(),
      status: (fields.get('status') ?? '').split(/\s/u)[0] ?? '',
      diagnostic: typeValue(fields.get('diagnostic-code') ?? ''),
    });
  }
  const returned = mail.attachments.find((a) => ['message/rfc822', 'text/rfc822-headers', 'message/rfc822-headers'].includes(a.contentType.toLowerCase()));
  const original = returned ? await simpleParser(returned.content) : null;
  const originalMessageId = original?.messageId?.replace(/^<|>$/gu, '') ?? null;
  return { originalMessageId, recipients };
}
