// The OData subset of OSDI's `filter=` parameter that Unionhall understands (decision 0029):
// `eq`, `gt` and `lt`, joined by `and`, on these fields.
export const osdiFilterFields = ['modified_date', 'created_date', 'identifiers', 'email'] as const;
export type OsdiFilterField = (typeof osdiFilterFields)[number];
export const osdiFilterOperators = ['eq', 'gt', 'lt'] as const;
export type OsdiFilterOperator = (typeof osdiFilterOperators)[number];

/** One condition; dates are parsed into instants (a bare day is its first instant, UTC). */
export type OsdiCondition =
  | { kind: 'date'; field: 'modified_date' | 'created_date'; op: OsdiFilterOperator; value: Date }
  | { kind: 'text'; field: 'identifiers' | 'email'; op: 'eq'; value: string };
