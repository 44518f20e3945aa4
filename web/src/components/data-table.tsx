import type { ReactNode } from 'react';

/**
 * The app's list table: scrolls sideways on its own on narrow screens (table-wrap), column
 * headers scoped for screen readers, and an optional last column of row buttons whose header is
 * read out but not shown. The rows (`<tr>` with a `th scope="row"` and `data-label`s for the
 * stacked mobile layout) stay in the pages: they are what differs.
 */
export function DataTable(props: { caption?: string; columns: string[]; actions?: string; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className="data-table">
        {props.caption ? <caption className="visually-hidden">{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
            {props.actions ? (
              <th scope="col">
                <span className="visually-hidden">{props.actions}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
