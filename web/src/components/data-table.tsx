import type { ReactNode } from 'react';

/**
 * A column: its name, or its name with what the header shows instead (a sort button) and how the
 * column is sorted, for screen readers (aria-sort).
 */
export type Column = string | { label: string; header?: ReactNode; sort?: 'ascending' | 'descending' };

/**
 * The app's one table for lists: scrolls sideways on its own on narrow screens (table-wrap),
 * column headers scoped for screen readers, and an optional last column of row buttons whose
 * header is read out but not shown. `busy` marks the rows as being replaced (new filters, another
 * page) while the old ones stay on screen. The rows (`<tr>` with a `th scope="row"` and
 * `data-label`s for the stacked mobile layout) stay in the pages: they are what differs.
 */
export function DataTable(props: { caption?: string; columns: Column[]; actions?: string; className?: string; busy?: boolean; children: ReactNode }) {
  return (
    <div className="table-wrap" aria-busy={props.busy || undefined}>
      <table className={props.className ? `data-table ${props.className}` : 'data-table'}>
        {props.caption ? <caption className="visually-hidden">{props.caption}</caption> : null}
        <thead>
          <tr>
            {props.columns.map((column) =>
              typeof column === 'string' ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" aria-sort={column.sort}>
                  {column.header ?? column.label}
                </th>
              ),
            )}
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
