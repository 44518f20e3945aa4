import { describe, expect, it } from 'vitest';
import { aggregates, disclosureFor, roles, type Aggregate } from './aggregate-policy.js';

// The expected table, written out independently of the implementation's so a slip in either shows.
// E = exact, 5 = cells of at least 5, W = own worksites (cells of 5), L = own list (cells of 5), - = not given.
const expected: Record<Aggregate, string> = {
  //                          admin organizer committee viewer
  'support.totals':           'E E W 5',
  'support.totals.asOf':      'E E - 5',
  'support.schools':          'E E W 5',
  'support.schools.asOf':     'E E - -',
  'support.growth':           'E E - 5',
  'support.activity':         'E E - 5',
  'support.cardDates':        'E E - -',
  'cards.waiting':            'E E - -',
  'assessments.totals':       'E E L 5',
  'assessments.totals.asOf':  'E E - 5',
  'assessments.schools':      'E E L 5',
  'assessments.schools.asOf': 'E E - -',
};
const marks = { E: 'exact', '5': 'cells-of-5', W: 'own-worksites', L: 'own-list', '-': 'none' } as const;

describe('aggregate policy, role × aggregate', () => {
  for (const aggregate of aggregates) {
    const row = expected[aggregate].split(' ') as (keyof typeof marks)[];
    roles.forEach((role, i) => {
      const mark = row[i]!;
      it(`${role} gets ${aggregate}: ${marks[mark]}`, () => {
        expect(disclosureFor(role, aggregate)).toBe(marks[mark]);
      });
    });
  }

  it('covers every aggregate', () => {
    expect(Object.keys(expected).sort()).toEqual([...aggregates].sort());
  });

  it('gives no role below organizer an exact figure, nor figures per school for another day', () => {
    for (const aggregate of aggregates) {
      for (const role of ['committee', 'viewer'] as const) expect(disclosureFor(role, aggregate), `${role} ${aggregate}`).not.toBe('exact');
    }
    for (const role of ['committee', 'viewer'] as const) {
      expect(disclosureFor(role, 'support.schools.asOf')).toBe('none');
      expect(disclosureFor(role, 'assessments.schools.asOf')).toBe('none');
    }
  });
});
