import type { OsdiCondition } from '../../vocabulary/osdi-filter.js';

/**
 * Whether a record of a small collection (events, messages: dozens, filtered in memory) meets an
 * OSDI filter. Its own id is its one identifier; it has no email, so a filter on one matches nothing.
 */
export function matchesOsdiConditions(record: { id: string; createdAt: Date; updatedAt: Date }, conditions: OsdiCondition[]): boolean {
  return conditions.every((c) => {
    if (c.kind === 'text') return c.field === 'identifiers' && c.value === `unionhall:${record.id}`;
    const at = (c.field === 'created_date' ? record.createdAt : record.updatedAt).getTime();
    const v = c.value.getTime();
    return c.op === 'gt' ? at > v : c.op === 'lt' ? at < v : at >= v && at < v + 86_400_000;
  });
}
