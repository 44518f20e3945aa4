import type { ReactNode } from 'react';
import type { ApiError } from '../lib/api.js';

export function Loading(props: { label?: string }) {
  return (
    <p className="loading" role="status">
      {props.label ?? 'Loading…'}
    </p>
  );
}

/** A load that failed: the server's message and a way to try again. */
export function LoadError(props: { error: ApiError; retry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{props.error.message}</p>
      {props.retry ? (
        <button type="button" className="button-secondary" onClick={props.retry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState(props: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <p className="empty-title">{props.title}</p>
      {props.children ? <div>{props.children}</div> : null}
    </div>
  );
}

/** What the status components read of a query (useApiQuery's result). */
export type QueryState = { error: ApiError | null; isLoading: boolean; data: unknown; refetch: () => unknown };

/** A load that failed (with a retry) or a first load under way; nothing once data is here. */
export function QueryStatus(props: { query: QueryState; loading?: string }) {
  const { query } = props;
  if (query.error) return <LoadError error={query.error} retry={() => void query.refetch()} />;
  if (query.isLoading && query.data === undefined) return <Loading label={props.loading} />;
  return null;
}

/**
 * The three states every list page shows before its rows: the load failed (with a retry), the
 * first load is under way, or the list came back empty.
 */
export function ListStatus(props: { query: QueryState; count: number; empty: string; loading?: string; children?: ReactNode }) {
  const { query } = props;
  return (
    <>
      <QueryStatus query={query} loading={props.loading} />
      {!query.error && query.data !== undefined && props.count === 0 ? <EmptyState title={props.empty}>{props.children}</EmptyState> : null}
    </>
  );
}
