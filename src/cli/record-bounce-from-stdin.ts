import { systemRequester } from '../domain/commands/requester.js';
import type { Services } from '../domain/create-services.js';
import { recordBounce } from '../domain/mail/record-bounce.js';
import { readDeliveryStatus } from '../mail/read-delivery-status.js';

/**
 * `unionhall mail bounce`: reads one raw message (a bounce the mail server received for the
 * campaign's sender address, piped in by it) and records it. Returns the exit code: 0 when it was
 * read (recorded or ignored as not ours), 2 when it is not a delivery status notification.
 */
export async function recordBounceFromStdin(services: Services, raw: Buffer, write: (line: string) => void): Promise<number> {
  const report = await readDeliveryStatus(raw);
  if (!report) {
    write('not a delivery status notification (RFC 3464): nothing recorded');
    return 2;
  }
  const outcome = await services.execute(recordBounce, systemRequester('cli'), report);
  if (!outcome.mailId) write(`no message sent by this instance has Message-ID ${report.originalMessageId ?? '(none)'}: nothing recorded`);
  else write(`bounce recorded for message ${outcome.mailId}: ${outcome.suppressed} address(es) suppressed, ${outcome.ignored} status(es) without effect`);
  return 0;
}
