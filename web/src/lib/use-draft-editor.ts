import { useCallback, useState } from 'react';

/** What a list page hands the editor it opens: the draft to start from and how to close it. */
export type DraftEditorProps<D> = { slug: string; initial: D; onCancel: () => void; onSaved: (message: string) => void };

export type DraftEditor<D> = {
  /** The draft being edited, or null while the list is shown alone. */
  draft: D | null;
  /** The message of the last save or delete, shown above the list until the next edit starts. */
  saved: string | null;
  setSaved: (message: string | null) => void;
  /** Opens the editor on a draft (new or from a row); the last message goes, it is about something else. */
  start: (draft: D) => void;
  cancel: () => void;
  /** The editor saved (or deleted): close it and say so. Its mutation already reloaded the list. */
  finish: (message: string) => void;
};

/**
 * The state every admin list page keeps around its one editor: which draft is open and what the
 * last save said. The editor's save invalidates the list (useApiMutation), because the server
 * decides what a row looks like after a save (slugs, counts, publication state).
 */
export function useDraftEditor<D>(): DraftEditor<D> {
  const [draft, setDraft] = useState<D | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const start = useCallback((next: D) => {
    setSaved(null);
    setDraft(next);
  }, []);
  const cancel = useCallback(() => setDraft(null), []);
  const finish = useCallback((message: string) => {
    setDraft(null);
    setSaved(message);
  }, []);
  return { draft, saved, setSaved, start, cancel, finish };
}
