import { useEffect, useRef, useState, type ReactNode } from 'react';
import { DataTable } from '../components/data-table.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import type { MailMessage } from '../lib/api-types.js';
import { formatDateTime } from '../lib/format.js';
import { useApiQuery } from '../lib/query.js';
import { describeMailKind } from '#vocabulary/mail-kinds.js';

function status(m: MailMessage): string {
  if (m.transport === 'outbox') return 'Held here (no mail server)';
  if (m.sentAt) return m.attempts > 1 ? `Sent (attempt ${m.attempts})` : 'Sent';
  if (m.error) return m.nextAttemptAt ? `Not sent yet, trying again ${formatDateTime(m.nextAttemptAt)}` : `Failed after ${m.attempts} ${m.attempts === 1 ? 'attempt' : 'attempts'}`;
  return 'Sending';
}

export function OutboxPage() {
  const outbox = useApiQuery<{ messages: MailMessage[] }>('/api/admin/outbox');
  const { data } = outbox;
  const [openId, setOpenId] = useState<string | null>(null);
  const open = data?.messages.find((m) => m.id === openId) ?? null;

  return (
    <>
      <PageHeader
        title="Outbox"
        intro={
          <>
            <p>Every message Unionhall sends is listed here. When no mail server is set up (SMTP_URL), messages are not sent but kept here, so you can pass on welcome and password-reset links yourself.</p>
            <p className="privacy-note">Links in these messages sign someone in. Only give a link to the person it was meant for.</p>
          </>
        }
        actions={
          <button type="button" className="button-secondary" onClick={() => void outbox.refetch()} disabled={outbox.isFetching}>
            Refresh
          </button>
        }
      />
      <ListStatus query={outbox} count={data?.messages.length ?? 0} empty="No messages yet.">
        <p>Welcome links for new accounts and password-reset links will appear here.</p>
      </ListStatus>
      {open ? <MessageView message={open} onClose={() => setOpenId(null)} /> : null}
      {data && data.messages.length > 0 ? (
        <DataTable caption="Messages, newest first" columns={['Subject', 'To', 'Kind', 'When', 'Status']} busy={outbox.isFetching}>
          {data.messages.map((m) => (
            <tr key={m.id} className={m.id === openId ? 'selected' : undefined}>
              <th scope="row" data-label="Subject">
                <button type="button" className="button-link" onClick={() => setOpenId(m.id)}>
                  {m.subject}
                </button>
              </th>
              <td data-label="To">{m.to}</td>
              <td data-label="Kind">{describeMailKind(m.kind)}</td>
              <td data-label="When" className="nowrap">
                <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
              </td>
              <td data-label="Status">{status(m)}</td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}

function MessageView(props: { message: MailMessage; onClose: () => void }) {
  const { message } = props;
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), [message.id]);
  return (
    <article className="message" aria-labelledby="message-subject">
      <header className="message-header">
        <h2 id="message-subject" tabIndex={-1} ref={ref}>
          {message.subject}
        </h2>
        <button type="button" className="button-secondary" onClick={props.onClose}>
          Close
        </button>
      </header>
      <dl className="message-meta">
        <div>
          <dt>To</dt>
          <dd>{message.to}</dd>
        </div>
        <div>
          <dt>When</dt>
          <dd>{formatDateTime(message.createdAt)}</dd>
        </div>
        <div>
          <dt>Status</dt>
          <dd>
            {status(message)}
            {message.error ? `: ${message.error}` : ''}
          </dd>
        </div>
      </dl>
      <div className="message-body">{linkify(message.text)}</div>
    </article>
  );
}

/** The message text with its web addresses made clickable (React escapes the rest). */
function linkify(text: string): ReactNode[] {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a key={i} href={part} rel="noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
