import { keepPreviousData, QueryClient, skipToken, useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { api, ApiError, query, type QueryParams } from './api.js';

// The app's data layer: TanStack Query over api.ts (decision 0021). Reads are useApiQuery(),
// cached under their API path; writes are useApiMutation(), which names the reads it makes stale.
// api.ts still does the talking: CSRF token, session-lost handling, ApiError.

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and mutation fails with an ApiError (the helpers below make sure of it), so
    // pages hand `error` straight to LoadError and ErrorNotice.
    defaultError: ApiError;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Opening a list of names is written to the audit log: a read happens when someone opens
        // or reloads a page, or after a change makes it stale, not each time the window regains
        // focus or the network comes back.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // A refusal (404 outside the campaign, 400 on a filter) does not change by asking again;
        // LoadError offers "Try again" for the rest.
        retry: false,
      },
      mutations: { retry: false },
    },
  });
}

export type ApiKey = readonly (string | QueryParams)[];

/**
 * The cache key of a GET: its path's segments, then the query parameters that are set. Keys nest
 * like the API's paths, so invalidating apiKey(campaignPath(slug, '/cards')) reaches the card
 * list, the review queue and every single card of that campaign.
 */
export function apiKey(path: string, params: QueryParams = {}): ApiKey {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const set = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== null && value !== ''));
  return Object.keys(set).length > 0 ? [...segments, set] : segments;
}

/** Anything thrown becomes an ApiError; a cancelled request stays what it is, for the query to ignore. */
export function toApiError(err: unknown, fallback = 'Something went wrong. Try again.'): ApiError {
  if (err instanceof ApiError) return err;
  return new ApiError(0, 'internal', fallback);
}

const idle = ['idle'] as const;

/**
 * Loads a GET endpoint through the cache; a null path waits (nothing is asked). `keepPrevious`
 * keeps the last answer on screen while new filters or another page load, instead of a blank.
 */
export function useApiQuery<T>(path: string | null, options: { params?: QueryParams; keepPrevious?: boolean } = {}): UseQueryResult<T, ApiError> {
  const params = options.params ?? {};
  return useQuery<T, ApiError>({
    queryKey: path === null ? idle : apiKey(path, params),
    queryFn:
      path === null
        ? skipToken
        : async ({ signal }) => {
            try {
              return await api.get<T>(`${path}${query(params)}`, { signal });
            } catch (err) {
              if (err instanceof DOMException && err.name === 'AbortError') throw err;
              throw toApiError(err, 'Something went wrong. Reload the page and try again.');
            }
          },
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  });
}

export type ApiMutationOptions<V, R> = {
  mutationFn: (variables: V) => Promise<R>;
  /** Shown when the failure is not the server's (a file the browser could not read, a bug). */
  fallback?: string;
  /**
   * The reads this change makes stale (keys are prefixes). Those on screen reload before the
   * mutation counts as done; cached ones not on screen are dropped, so no page opened afterwards
   * paints the old rows while it reloads.
   */
  invalidates?: ApiKey[] | ((result: R, variables: V) => ApiKey[]);
  /** After the stale reads reloaded: close the editor, say what happened. */
  onSuccess?: (result: R, variables: V) => void;
};

/**
 * A write. On failure the form stays as typed and `error` carries the server's message and field
 * reasons; on success the related reads reload first, so what the page shows next includes the
 * change.
 */
export function useApiMutation<V = void, R = unknown>(options: ApiMutationOptions<V, R>): UseMutationResult<R, ApiError, V> {
  const client = useQueryClient();
  return useMutation<R, ApiError, V>({
    mutationFn: async (variables) => {
      try {
        return await options.mutationFn(variables);
      } catch (err) {
        throw toApiError(err, options.fallback);
      }
    },
    onSuccess: async (result, variables) => {
      const keys = typeof options.invalidates === 'function' ? options.invalidates(result, variables) : (options.invalidates ?? []);
      for (const queryKey of keys) client.removeQueries({ queryKey, type: 'inactive' });
      await Promise.all(keys.map((queryKey) => client.invalidateQueries({ queryKey })));
      options.onSuccess?.(result, variables);
    },
  });
}

/**
 * The error a form shows: that of whichever of its actions failed last. A failed preview shows
 * its own error; a successful one leaves the field errors of the last save in place.
 */
export function lastError(...actions: { error: ApiError | null; submittedAt: number }[]): ApiError | null {
  let shown: { error: ApiError | null; submittedAt: number } | null = null;
  for (const action of actions) if (action.error && (!shown || action.submittedAt >= shown.submittedAt)) shown = action;
  return shown?.error ?? null;
}

/** A form's onSubmit: no page reload, then the action. */
export function onSubmit(action: () => void): (event: FormEvent) => void {
  return (event) => {
    event.preventDefault();
    action();
  };
}
