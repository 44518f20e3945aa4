import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './api.js';

export type ApiState<T> = { data: T | undefined; error: ApiError | undefined; loading: boolean; reload: () => void };

/** Loads a GET endpoint; `null` waits. Reloads when the path changes; aborts when it is left. */
export function useApi<T>(path: string | null): ApiState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [loading, setLoading] = useState(path !== null);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api
      .get<T>(path, { signal: controller.signal })
      .then((result) => {
        setData(result);
        setLoading(false);
      })
      .catch((err: unknown) => {
        if (controller.signal.aborted) return;
        setError(err instanceof ApiError ? err : new ApiError(0, 'internal', 'Something went wrong. Reload the page and try again.'));
        setLoading(false);
      });
    return () => controller.abort();
  }, [path, generation]);

  return { data, error, loading, reload };
}
