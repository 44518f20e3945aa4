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

/**
 * The three states every list page shows before its rows: the load failed (with a retry), the
 * first load is under way, or the list came back empty.
 */
export function ListStatus(props: { state: { error?: ApiError; loading: boolean; data?: unknown; reload: () => void }; count: number; empty: string }) {
  const { state } = props;
  return (
    <>
      {state.error ? <LoadError error={state.error} retry={state.reload} /> : null}
      {state.loading && state.data === undefined ? <Loading /> : null}
      {state.data !== undefined && props.count === 0 ? <EmptyState title={props.empty} /> : null}
    </>
  );
}
