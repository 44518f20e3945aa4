import { describe, expect, it } from 'vitest';
import { summarizeCoverage } from './coverage.js';

describe('worksite coverage', () => {
  // 30 days before 31 May 2015, from midnight in Los Angeles.
  const since = new Date('2015-05-01T07:00:00Z');
  const person = (id: string, worksiteId: string, list: string | null, last: string | null) => ({
    personId: id,
    name: id,
    worksiteId,
    listAccountId: list,
    listAccountName: list,
    lastConversationAt: last ? new Date(last) : null,
  });

  it('lists people with no list owner and those not talked to in 30 days', () => {
    const [a, b] = summarizeCoverage(
      [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      [person('p1', 'a', 'c1', '2015-05-20T00:00:00Z'), person('p2', 'a', null, '2015-04-01T00:00:00Z'), person('p3', 'a', 'c1', null), person('p4', 'b', null, '2015-05-02T00:00:00Z')],
      since,
    );
    expect(a).toMatchObject({ people: 3, assigned: 2, contactedRecently: 1 });
    expect(a?.unassigned.map((p) => p.personId)).toEqual(['p2']);
    expect(a?.notContacted.map((p) => p.personId)).toEqual(['p2', 'p3']);
    expect(b?.notContacted).toHaveLength(0);
  });
});
