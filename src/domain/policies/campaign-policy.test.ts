import { describe, expect, it } from 'vitest';
import { actions, canPerform, limitedToOwnList, maySeePersonalDetail, roles, visibleWorksites, type Action, type Role } from './campaign-policy.js';

// The expected table, written out independently of the implementation's so a slip in either shows.
// A = everything, W = own worksites only, L = own committee list (within own worksites), - = nothing.
const expected: Record<Action, string> = {
  //                     admin organizer committee viewer
  'dashboard.view':     'A A A A',
  'campaign.manage':    'A - - -',
  'people.view':        'A A W -',
  'people.edit':        'A A W -',
  'roster.import':      'A A - -',
  'assessments.view':   'A A L -',
  'assessments.edit':   'A A L -',
  'cards.view':         'A A W -',
  'cards.enter':        'A A - -',
  'cards.verify':       'A A W -',
  'conversations.view': 'A A L -',
  'conversations.edit': 'A A W -',
  'committee.assign':   'A A - -',
  'conduct.view':       'A A - -',
  'conduct.edit':       'A A - -',
  'public.manage':      'A A - -',
  'export.individual':  'A - - -',
  'filing.generate':    'A - - -',
  'audit.view':         'A - - -',
  'outbox.view':        'A - - -',
};

const mine = 'worksite-mine';
const other = 'worksite-other';

describe('campaign policy, role × action', () => {
  for (const action of actions) {
    const marks = expected[action].split(' ');
    roles.forEach((role: Role, i) => {
      const mark = marks[i];
      const label = mark === 'A' ? 'may' : mark === 'W' ? 'may, at own worksites,' : mark === 'L' ? 'may, for own list only,' : 'may not';
      it(`${role} ${label} ${action}`, () => {
        const actor = { role, worksiteIds: [mine] };
        expect(canPerform(actor, action, mine)).toBe(mark !== '-');
        expect(canPerform(actor, action, other)).toBe(mark === 'A');
        expect(visibleWorksites(actor, action)).toEqual(mark === 'A' ? 'all' : mark === 'W' || mark === 'L' ? [mine] : []);
        expect(limitedToOwnList(actor, action)).toBe(mark === 'L');
      });
    });
  }

  it('a committee member with no worksites assigned sees no one', () => {
    const actor = { role: 'committee' as const, worksiteIds: [] };
    expect(canPerform(actor, 'people.view')).toBe(false);
    expect(visibleWorksites(actor, 'people.view')).toEqual([]);
  });

  it('covers every action in the expected table', () => {
    expect(Object.keys(expected).sort()).toEqual([...actions].sort());
  });
});

describe('maySeePersonalDetail: the one rule for ratings, conversations and card status', () => {
  const details = ['assessments.view', 'conversations.view', 'cards.view'] as const;
  const mine = { worksiteIds: ['w1'], listAccountId: 'me' };
  const someoneElses = { worksiteIds: ['w1'], listAccountId: 'other' };
  const unassigned = { worksiteIds: ['w1'], listAccountId: null };
  const elsewhere = { worksiteIds: ['w2'], listAccountId: 'me' };

  it('a committee member sees every detail only for the people on their own list, at their schools', () => {
    const actor = { role: 'committee' as const, worksiteIds: ['w1'] };
    for (const detail of details) {
      expect(maySeePersonalDetail(actor, 'me', mine, detail)).toBe(true);
      expect(maySeePersonalDetail(actor, 'me', someoneElses, detail)).toBe(false);
      expect(maySeePersonalDetail(actor, 'me', unassigned, detail)).toBe(false);
      expect(maySeePersonalDetail(actor, 'me', elsewhere, detail)).toBe(false);
    }
  });

  it('admins and organizers see every detail for everyone; viewers none', () => {
    for (const detail of details) {
      for (const role of ['admin', 'organizer'] as const) expect(maySeePersonalDetail({ role, worksiteIds: [] }, 'me', someoneElses, detail)).toBe(true);
      expect(maySeePersonalDetail({ role: 'viewer', worksiteIds: ['w1'] }, 'me', mine, detail)).toBe(false);
    }
  });
});
