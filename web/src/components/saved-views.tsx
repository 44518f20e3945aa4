import { useState } from 'react';
import type { SavedPeopleViewResponse } from '#contracts/people-list.js';
import { api, campaignPath } from '../lib/api.js';
import { apiKey, useApiMutation, useApiQuery } from '../lib/query.js';
import { ErrorNotice } from './error-notice.js';
import { Field } from './field.js';

type Props = {
  slug: string;
  /** The list's current filters and sort, only those that are set. */
  current: Record<string, string>;
  onApply: (query: Record<string, string>) => void;
};

/** The people list's saved views: yours alone, a name for a set of filters and a sort. */
export function SavedViews({ slug, current, onApply }: Props) {
  const path = campaignPath(slug, '/people/views');
  const views = useApiQuery<{ views: SavedPeopleViewResponse[] }>(path);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const save = useApiMutation<{ name: string; query: Record<string, string> }, SavedPeopleViewResponse>({
    mutationFn: (body) => api.post<SavedPeopleViewResponse>(path, body),
    fallback: 'Could not save the view. Try again.',
    invalidates: [apiKey(path)],
    onSuccess: (view) => {
      setName('');
      setChosen(view.id);
    },
  });
  const remove = useApiMutation<string, { id: string; deleted: boolean }>({
    mutationFn: (id) => api.delete<{ id: string; deleted: boolean }>(`${path}/${id}`),
    fallback: 'Could not delete the view. Try again.',
    invalidates: [apiKey(path)],
    onSuccess: () => setChosen(''),
  });
  const list = views.data?.views ?? [];

  return (
    <div className="saved-views">
      <Field label="Saved views" hint="Only you see your saved views">
        {(control) => (
          <select
            {...control}
            value={chosen}
            onChange={(e) => {
              setChosen(e.target.value);
              const view = list.find((v) => v.id === e.target.value);
              if (view) onApply(Object.fromEntries(Object.entries(view.query).filter((entry): entry is [string, string] => typeof entry[1] === 'string')));
            }}
          >
            <option value="">{list.length === 0 ? 'None yet' : 'Choose a view'}</option>
            {list.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {chosen ? (
        <button type="button" className="button-secondary" disabled={remove.isPending} onClick={() => remove.mutate(chosen)}>
          Delete this view
        </button>
      ) : null}
      <Field label="Name for this view">
        {(control) => <input {...control} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} autoComplete="off" />}
      </Field>
      <button type="button" disabled={save.isPending || name.trim() === ''} onClick={() => save.mutate({ name: name.trim(), query: current })}>
        Save this view
      </button>
      <ErrorNotice error={save.error ?? remove.error} />
    </div>
  );
}
