import { useState } from 'react';
import { Link } from 'react-router';
import '../organizing.css';
import { ErrorNotice } from '../components/error-notice.js';
import { PageHeader } from '../components/page-header.js';
import { ListStatus } from '../components/status.js';
import { api, campaignPath } from '../lib/api.js';
import { formatDate, todayIso } from '../lib/format.js';
import { personPagePath, type Task } from '../lib/organizing-types.js';
import { apiKey, useApiMutation, useApiQuery } from '../lib/query.js';

/** Follow-ups assigned to me, in every campaign, soonest due first. */
export function MyTasksPage() {
  const [showDone, setShowDone] = useState(false);
  const tasks = useApiQuery<{ tasks: Task[] }>('/api/me/tasks', { params: { includeDone: showDone ? 'true' : undefined }, keepPrevious: true });
  const { data } = tasks;
  const today = todayIso();
  // The task lists, and the person's page the task belongs to.
  const toggle = useApiMutation({
    mutationFn: (task: Task) => api.patch(campaignPath(task.campaign?.slug ?? '', `/tasks/${task.id}`), { done: !task.done }),
    fallback: 'Could not save. Try again.',
    invalidates: (_result, task) => [apiKey('/api/me/tasks'), ...(task.campaign && task.personId ? [apiKey(campaignPath(task.campaign.slug, `/people/${task.personId}`))] : [])],
  });

  return (
    <>
      <PageHeader title="My tasks" intro={<p>Follow-ups assigned to you, soonest due first.</p>} />
      <ErrorNotice error={toggle.error} />
      <div className="checkbox">
        <input id="show-done" type="checkbox" checked={showDone} onChange={(e) => setShowDone(e.target.checked)} />
        <label htmlFor="show-done">Show done tasks too</label>
      </div>
      <ListStatus query={tasks} count={data?.tasks.length ?? 0} empty="Nothing to do: no open tasks are assigned to you." />
      {data && data.tasks.length > 0 ? (
        <ul className="choices">
          {data.tasks.map((task) => (
            <li key={task.id} className="checkbox">
              <input id={`t-${task.id}`} type="checkbox" checked={task.done} onChange={() => task.campaign && toggle.mutate(task)} />
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
