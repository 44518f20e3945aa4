import { useState, type FormEvent } from 'react';
import { ApiError } from './api.js';

export type Submit = {
  /** What the server (or the browser) refused, for ErrorNotice; null when all is well. */
  error: ApiError | null;
  /** True while the form's save is under way: the Save button is disabled and says so. */
  busy: boolean;
  /** The server's reason for refusing one field, for that Field's error. */
  reason: (field: string) => string | undefined;
  /** Turns a save into a form's onSubmit: no page reload, busy meanwhile, the error shown on failure. */
  handleSubmit: (save: () => Promise<void>) => (event: FormEvent) => void;
  /** Runs a secondary action of the form (delete, preview): its error is shown, nothing else changes. */
  attempt: (action: () => Promise<void>) => Promise<void>;
};

/**
 * The submit flow of every editor: a failure keeps the form as typed and shows the server's
 * message and field reasons; anything that is not an ApiError (a file the browser could not read,
 * a bug) shows `fallback`, so the user is never left with a silent button.
 */
export function useSubmit(fallback: string): Submit {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const handleSubmit = (save: () => Promise<void>) => (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    // On success the editor usually closes; setting busy on an unmounted form is harmless.
    void save()
      .catch((err: unknown) => setError(err instanceof ApiError ? err : new ApiError(0, 'internal', fallback)))
      .finally(() => setBusy(false));
  };

  // Secondary actions leave an earlier error in place unless they fail themselves: a preview
  // must not hide the field errors of the last save.
  const attempt = async (action: () => Promise<void>): Promise<void> => {
    try {
      await action();
    } catch (err) {
      setError(err instanceof ApiError ? err : null);
    }
  };

  return { error, busy, reason: (field) => error?.fieldReason(field), handleSubmit, attempt };
}
