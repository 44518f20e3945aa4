import { describe, expect, it } from 'vitest';
import { parseOsdiFilter } from './parse-osdi-filter.js';

describe('parseOsdiFilter', () => {
  it('reads nothing from an absent or empty filter', () => {
    expect(parseOsdiFilter(undefined)).toEqual([]);
    expect(parseOsdiFilter('  ')).toEqual([]);
  });

  it('reads dates, days and instants, joined by and', () => {
    expect(parseOsdiFilter("modified_date gt '2014-03-25' and created_date lt '2014-04-01T12:30:00Z'")).toEqual([
      { kind: 'date', field: 'modified_date', op: 'gt', value: new Date('2014-03-25T00:00:00Z') },
      { kind: 'date', field: 'created_date', op: 'lt', value: new Date('2014-04-01T12:30:00Z') },
    ]);
  });

  it('reads identifiers and email with eq, and keeps an "and" inside quotes', () => {
    expect(parseOsdiFilter("identifiers eq 'action_network:a and b' AND email eq 'O''Neil@x.example'")).toEqual([
      { kind: 'text', field: 'identifiers', op: 'eq', value: 'action_network:a and b' },
      { kind: 'text', field: 'email', op: 'eq', value: "O'Neil@x.example" },
    ]);
  });

  it('refuses what it cannot honour, naming query.filter', () => {
    for (const bad of ["given_name eq 'Ana'", "modified_date ge '2014-03-25'", "email gt 'a'", "modified_date gt '2014-02-30'", "modified_date gt 'yesterday'", 'modified_date', "email eq ''"]) {
      expect(() => parseOsdiFilter(bad), bad).toThrowError(expect.objectContaining({ code: 'validation_failed', fields: [expect.objectContaining({ field: 'query.filter' })] }));
    }
  });
});
