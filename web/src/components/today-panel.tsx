import { Link } from 'react-router';
import type { TodayResponse } from '#contracts/today.js';
import type { Dashboard, Threshold } from '../lib/api-types.js';
import { campaignPath } from '../lib/api.js';
import { useCampaign } from '../lib/campaign.js';
import { formatCount, formatDate, plural } from '../lib/format.js';
import { useApiQuery } from '../lib/query.js';

const toGo = (t: Threshold): string => (t.met === null ? 'withheld' : t.met ? 'reached' : `${formatCount(t.remaining)} to go`);

/**
 * "What to do today" at the top of the dashboard (issue 12, item 4): charge deadlines coming due,
 * cards about to expire or waiting for someone, mail that is not going out, and where each unit
 * stands against the filing thresholds. Counts and dates only.
 */
export function TodayPanel(props: { dashboard: Dashboard }) {
  const campaign = useCampaign();
  const today = useApiQuery<TodayResponse>(campaignPath(campaign.slug, '/today'));
  const app = (rest: string) => `/app/c/${encodeURIComponent(campaign.slug)}${rest}`;
  const d = today.data;
  const waiting = props.dashboard.activity?.last30Days;
  const items: { key: string; text: React.ReactNode }[] = [];
  for (const due of d?.chargeDeadlines ?? []) {
    items.push({
      key: `deadline-${due.incidentId}`,
      text: (
        <>
          <strong>Charge deadline {due.daysLeft === 0 ? 'today' : `in ${plural(due.daysLeft, 'day', 'days')}`}</strong> ({formatDate(due.deadline)}) for the incident of {formatDate(due.occurredOn)}.{' '}
          <Link to={app('/evidence')}>Open the evidence log</Link>
        </>
      ),
    });
  }
  if (d?.mailHeld && d.mailHeld.messages > 0) {
    items.push({
      key: 'mail',
      text: (
        <>
          <strong>Mail is not going out:</strong> no mail server is set up, so {plural(d.mailHeld.messages, 'message waits', 'messages wait')} in the outbox
          {d.mailHeld.cardConfirmations > 0 ? `, ${plural(d.mailHeld.cardConfirmations, 'card confirmation', 'card confirmations')} among them` : ''}. Ask your administrator to set SMTP_URL.
        </>
      ),
    });
  }
  if (d?.cardsExpiring) {
    items.push({ key: 'expiring', text: <>{plural(d.cardsExpiring, 'card expires', 'cards expire')} in the next 30 days: ask them to sign again.</> });
  }
  if (waiting && (waiting.awaitingReview ?? 0) > 0 && campaign.can('cards.enter')) {
    items.push({ key: 'review', text: <Link to={app('/cards/review')}>{plural(waiting.awaitingReview ?? 0, 'card waits', 'cards wait')} for review</Link> });
  }
  if (waiting && (waiting.awaitingVerification ?? 0) > 0 && campaign.can('cards.view')) {
    items.push({ key: 'verify', text: <Link to={app('/cards')}>{plural(waiting.awaitingVerification ?? 0, 'card waits', 'cards wait')} for verification</Link> });
  }

  return (
    <section className="section today" aria-labelledby="today-heading">
      <h2 id="today-heading">Today</h2>
      {items.length > 0 ? (
        <ul>
          {items.map((i) => (
            <li key={i.key}>{i.text}</li>
          ))}
        </ul>
      ) : today.data ? (
        <p>Nothing due: no charge deadline within 30 days, no card waiting.</p>
      ) : null}
      <h3>Ready to file?</h3>
      <ul>
        {props.dashboard.units.map((u) => (
          <li key={u.id}>
            <strong>{u.name}</strong>: 30% showing of interest {toGo(u.thresholds.showingOfInterest)} · majority (50% + 1) {toGo(u.thresholds.majority)} · goal {toGo(u.thresholds.goal)}
          </li>
        ))}
      </ul>
    </section>
  );
}
