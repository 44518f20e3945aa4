import { useState } from 'react';
import '../organizing.css';
import { ErrorNotice } from '../components/error-notice.js';
import { PageHeader } from '../components/page-header.js';
import { EmptyState, LoadError, Loading } from '../components/status.js';
import { api, ApiError, campaignPath, query } from '../lib/api.js';
import { formatDate, todayIso } from '../lib/format.js';
import { personPagePath, type Task } from '../lib/organizing-types.js';
import { Link } from '../lib/router.js';
import { useApi } from '../lib/use-api.js';

/** Follow-ups assigned to me, in every campaign, soonest due first. */
export function MyTasksPage() {
  const [showDone, setShowDone] = useState(false);
  const { data, error, loading, reload } = useApi<{ tasks: Task[] }>(`/api/me/tasks${query({ includeDone: showDone ? 'true' : undefined })}`);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const today = todayIso();

  async function toggle(task: Task): Promise<void> {
    if (!task.campaign) return;
    setSaveError(null);
    try {
      await api.patch(campaignPath(task.campaign.slug, `/tasks/${task.id}`), { done: !task.done });
      reload();
    } catch (err) {
      setSaveError(err instanceof ApiError ? err : new ApiError(0, 'internal', 'Could not save. Try again.'));
    }
  }

  return (
    <>
      <PageHeader title="My tasks" intro={<p>Follow-ups assigned to you, soonest due first.</p>} />
      <ErrorNotice error={saveError} />
      <div className="checkbox">
        <input id="show-done" type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} />
        <label htmlFor="show-done">Show done tasks too</label>
      </div>
      {error ? <LoadError error={error} retry={reload} /> : null}
      {loading && !data ? <Loading /> : null}
      {data && data.tasks.length === 0 ? <EmptyState title="Nothing to do: no open tasks are assigned to you." /> : null}
      {data && data.tasks.length > 0 ? (
        <ul className="choices">
          {data.tasks.map((task) => (
            <li key={task.id} className="checkbox">
              <input id={`t-${task.id}`} type="checkbox" checked={task.done} onChange={() => void toggle(task)} />
              <label htmlFor={`t-${task.id}`}>
                {task.title}
                {task.dueDate ? <span className={!task.done && task.dueDate < today ? 'overdue' : 'subtle'}> · due {formatDate(task.dueDate)}</span> : null}
                {task.personName && task.campaign && task.personId ? (
                  <>
                    {' · '}
                    <Link to={personPagePath(task.campaign.slug, task.personId)}>{task.personName}</Link>
                  </>
                ) : null}
                {task.campaign ? <span className="subtle"> · {task.campaign.name}</span> : null}
              </label>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
