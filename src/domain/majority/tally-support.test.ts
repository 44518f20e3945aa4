import { describe, expect, it } from 'vitest';
import { tallySupport, type CardRecord, type EmploymentRecord } from './tally-support.js';

const U = 'unit-1';
const A = 'site-a';
const B = 'site-b';
const job = (id: string, personId: string, worksiteId: string, startDate: string, endDate: string | null = null, unitId: string | null = U): EmploymentRecord => ({ id, personId, worksiteId, unitId, startDate, endDate });
const card = (id: string, personId: string | null, signedOn: string, revokedOn: string | null = null, verified = true): CardRecord => ({ id, personId, signedOn, revokedOn, verified });

describe('tallySupport', () => {
  const employments = [
    job('e1', 'p1', A, '2014-08-15'),
    job('e2', 'p2', A, '2014-08-15', '2015-06-30'),
    job('e3', 'p3', A, '2015-07-01'), // starts after the date
    job('e4', 'p4', B, '2014-08-15'),
    job('e5', 'p5', B, '2014-08-15', null, null), // not in the unit
  ];

  it('counts the roster on the date and valid cards of eligible people', () => {
    const cards = [card('c1', 'p1', '2015-04-01'), card('c2', 'p3', '2015-04-01'), card('c3', 'p5', '2015-04-01'), card('c4', null, '2015-04-01')];
    expect(tallySupport({ employments, cards, asOf: '2015-06-15', validityMonths: 12 })).toEqual([
      { unitId: U, worksiteId: A, eligible: 2, validCards: 1 },
      { unitId: U, worksiteId: B, eligible: 1, validCards: 0 },
    ]);
  });

  it('counts only verified cards: a submitted or confirmed card matched to the roster moves nothing', () => {
    const unverified = [card('c1', 'p1', '2015-04-01', null, false), card('c2', 'p4', '2015-04-01', null, false)];
    expect(tallySupport({ employments, cards: unverified, asOf: '2015-06-15', validityMonths: 12 }).map((t) => t.validCards)).toEqual([0, 0]);
    const oneVerified = [...unverified, card('c3', 'p1', '2015-05-01')];
    expect(tallySupport({ employments, cards: oneVerified, asOf: '2015-06-15', validityMonths: 12 }).map((t) => t.validCards)).toEqual([1, 0]);
  });

  it('counts a person with several cards once', () => {
    const cards = [card('c1', 'p1', '2015-04-01'), card('c2', 'p1', '2015-05-01'), card('c3', 'p1', '2015-06-01')];
    expect(tallySupport({ employments, cards, asOf: '2015-06-15', validityMonths: 12 })[0]).toMatchObject({ worksiteId: A, validCards: 1 });
  });

  it('ignores cards signed after the date, expired or revoked by it', () => {
    const cards = [card('c1', 'p1', '2015-06-16'), card('c2', 'p2', '2014-06-15'), card('c3', 'p4', '2015-01-01', '2015-06-15')];
    const tally = tallySupport({ employments, cards, asOf: '2015-06-15', validityMonths: 12 });
    expect(tally.map((t) => t.validCards)).toEqual([0, 0]);
    // The day before the revocation took effect, and the last day of validity, the cards count.
    const earlier = tallySupport({ employments, cards: [card('c2', 'p2', '2014-06-15'), card('c3', 'p4', '2015-01-01', '2015-06-15')], asOf: '2015-06-14', validityMonths: 12 });
    expect(earlier.map((t) => t.validCards)).toEqual([1, 1]);
  });

  it('leaves a person out on a date when their employment has ended', () => {
    const tally = tallySupport({ employments, cards: [card('c1', 'p2', '2015-06-01')], asOf: '2015-07-01', validityMonths: 12 });
    expect(tally).toEqual([
      { unitId: U, worksiteId: A, eligible: 2, validCards: 0 },
      { unitId: U, worksiteId: B, eligible: 1, validCards: 0 },
    ]);
  });

  it('counts someone with two schools once, at the most recent one', () => {
    const moved = [job('e1', 'p1', A, '2014-08-15'), job('e9', 'p1', B, '2015-01-05')];
    const tally = tallySupport({ employments: moved, cards: [card('c1', 'p1', '2015-03-01')], asOf: '2015-03-01', validityMonths: 12 });
    expect(tally).toEqual([{ unitId: U, worksiteId: B, eligible: 1, validCards: 1 }]);
  });

  it('honours a different validity period', () => {
    const tally = tallySupport({ employments, cards: [card('c1', 'p1', '2015-01-01')], asOf: '2015-07-01', validityMonths: 6 });
    expect(tally[0]?.validCards).toBe(0);
  });
});
